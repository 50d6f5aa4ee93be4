//! `repr()`, `str()` and `format()` of values.

use crate::value::Value;
use crate::vm::objects::GenKind;
use crate::vm::{PyResult, Vm};

impl Vm {
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => b.to_string(),
            Value::Float(f) => crate::text::float_repr(*f),
            Value::Str(s) => crate::text::str_repr(s.as_str()),
            Value::Bytes(b) => crate::text::bytes_repr(b),
            Value::List(l) => {
                if !self.enter_repr(v) {
                    return Ok("[...]".into());
                }
                let items = l.borrow().clone();
                let r = self.join_reprs(&items);
                self.leave_repr(v);
                format!("[{}]", r?)
            }
            Value::Tuple(t) => {
                if t.len() == 1 {
                    format!("({},)", self.repr(&t[0])?)
                } else {
                    let t = t.clone();
                    format!("({})", self.join_reprs(&t)?)
                }
            }
            Value::Dict(d) => {
                if !self.enter_repr(v) {
                    return Ok("{...}".into());
                }
                let items: Vec<(Value, Value)> = d.items();
                let mut parts = Vec::with_capacity(items.len());
                for (k, val) in &items {
                    let kr = self.repr(k);
                    let vr = self.repr(val);
                    match (kr, vr) {
                        (Ok(k), Ok(val)) => parts.push(format!("{k}: {val}")),
                        (Err(e), _) | (_, Err(e)) => {
                            self.leave_repr(v);
                            return Err(e);
                        }
                    }
                }
                self.leave_repr(v);
                format!("{{{}}}", parts.join(", "))
            }
            Value::Set(s) | Value::FrozenSet(s) => {
                let items: Vec<Value> = s.items.borrow().iter().map(|k| k.value.clone()).collect();
                let frozen = matches!(v, Value::FrozenSet(_));
                if items.is_empty() {
                    return Ok(if frozen { "frozenset()" } else { "set()" }.into());
                }
                let inner = format!("{{{}}}", self.join_reprs(&items)?);
                if frozen {
                    format!("frozenset({inner})")
                } else {
                    inner
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => {
                let (a, b, c) = (s.start.clone(), s.stop.clone(), s.step.clone());
                format!(
                    "slice({}, {}, {})",
                    self.repr(&a)?,
                    self.repr(&b)?,
                    self.repr(&c)?
                )
            }
            Value::Code(c) => format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.name,
                v.address(),
                c.filename,
                c.firstlineno
            ),
            Value::Function(f) => {
                format!(
                    "<function {} at {:#x}>",
                    f.names.borrow().qualname,
                    v.address()
                )
            }
            Value::Builtin(b) => match &b.bound_self {
                Some(obj) if !matches!(obj, Value::Module(_)) => format!(
                    "<built-in method {} of {} object at {:#x}>",
                    b.name,
                    self.type_name(obj),
                    obj.address()
                ),
                _ => format!("<built-in function {}>", b.name),
            },
            Value::BoundMethod(m) => {
                let name = match &m.func {
                    Value::Function(f) => f.names.borrow().qualname.to_string(),
                    other => self.callable_name(other),
                };
                let obj = m.self_value.clone();
                format!("<bound method {name} of {}>", self.repr(&obj)?)
            }
            Value::Type(t) => {
                let module = t.display_module();
                if module == "builtins" {
                    format!("<class '{}'>", t.display_qualname())
                } else {
                    format!("<class '{module}.{}'>", t.display_qualname())
                }
            }
            Value::Module(m) => format!("<module '{}' (built-in)>", m.name),
            Value::Generator(g) => {
                let kind = match g.kind {
                    GenKind::Generator => "generator",
                    GenKind::Coroutine => "coroutine",
                    GenKind::AsyncGenerator => "async_generator",
                };
                format!("<{kind} object {} at {:#x}>", g.names.qualname, v.address())
            }
            Value::Cell(c) => match c.value.borrow().clone() {
                Some(inner) => format!(
                    "<cell at {:#x}: {} object at {:#x}>",
                    v.address(),
                    self.type_name(&inner),
                    inner.address()
                ),
                None => format!("<cell at {:#x}: empty>", v.address()),
            },
            Value::Property(_) => format!("<property object at {:#x}>", v.address()),
            Value::StaticMethod(_) => format!("<staticmethod object at {:#x}>", v.address()),
            Value::ClassMethod(_) => format!("<classmethod object at {:#x}>", v.address()),
            Value::Super(s) => format!(
                "<super: <class '{}'>, <{} object>>",
                s.this_class.name, s.obj_type.name
            ),
            Value::Iter(_) | Value::Native(_) | Value::Instance(_) => {
                match self.call_dunder(v, "__repr__", vec![])? {
                    Some(Value::Str(s)) => s.as_str().to_owned(),
                    Some(other) => {
                        return Err(self.type_error(format!(
                            "__repr__ returned non-string (type {})",
                            self.type_name(&other)
                        )))
                    }
                    None => self.default_repr(v),
                }
            }
        })
    }

    /// `object.__repr__`: `<__main__.C object at 0x...>`.
    pub fn default_repr(&self, v: &Value) -> String {
        let class = self.type_of(v);
        let module = class.display_module();
        let name = if module == "builtins" {
            self.type_name(v)
        } else {
            format!("{module}.{}", class.display_qualname())
        };
        format!("<{name} object at {:#x}>", v.address())
    }

    fn join_reprs(&mut self, items: &[Value]) -> PyResult<String> {
        let mut parts = Vec::with_capacity(items.len());
        for item in items {
            parts.push(self.repr(item)?);
        }
        Ok(parts.join(", "))
    }

    /// Guards self-containing lists and dicts (`[[...]]`).
    fn enter_repr(&mut self, v: &Value) -> bool {
        let addr = v.address();
        if self.repr_stack.contains(&addr) {
            return false;
        }
        self.repr_stack.push(addr);
        true
    }

    fn leave_repr(&mut self, v: &Value) {
        let addr = v.address();
        self.repr_stack.retain(|a| *a != addr);
    }

    pub fn to_str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_owned()),
            Value::Instance(_) | Value::Native(_) => {
                match self.call_dunder(v, "__str__", vec![])? {
                    Some(Value::Str(s)) => Ok(s.as_str().to_owned()),
                    Some(other) => Err(self.type_error(format!(
                        "__str__ returned non-string (type {})",
                        self.type_name(&other)
                    ))),
                    None => self.repr(v),
                }
            }
            _ => self.repr(v),
        }
    }

    /// `format(v, spec)`.
    pub fn format_value(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        let result = match v {
            Value::Str(s) => crate::text::format_str(s.as_str(), spec),
            Value::Bool(b) if spec.is_empty() => {
                return Ok(if *b { "True" } else { "False" }.into())
            }
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                let n = Vm::to_bigint(v).unwrap_or_default();
                crate::text::format_int(&n, spec)
            }
            Value::Float(f) => crate::text::format_float(*f, spec),
            Value::Instance(_) | Value::Native(_) => {
                if let Some(r) = self.call_dunder(v, "__format__", vec![Value::str(spec)])? {
                    return match r {
                        Value::Str(s) => Ok(s.as_str().to_owned()),
                        other => Err(self.type_error(format!(
                            "__format__ must return a str, not {}",
                            self.type_name(&other)
                        ))),
                    };
                }
                if spec.is_empty() {
                    return self.to_str(v);
                }
                return Err(self.type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    self.type_name(v)
                )));
            }
            _ => {
                if spec.is_empty() {
                    return self.to_str(v);
                }
                return Err(self.type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    self.type_name(v)
                )));
            }
        };
        result.map_err(|e| self.text_error(e))
    }

    /// An f-string replacement field.
    pub fn format_fvalue(
        &mut self,
        v: &Value,
        conversion: Option<char>,
        spec: Option<&Value>,
    ) -> PyResult<Value> {
        let converted;
        let v = match conversion {
            Some('r') => {
                converted = Value::string(self.repr(v)?);
                &converted
            }
            Some('s') => {
                converted = Value::string(self.to_str(v)?);
                &converted
            }
            Some('a') => {
                converted = Value::string(crate::text::ascii_escape(&self.repr(v)?));
                &converted
            }
            _ => v,
        };
        let spec = match spec {
            Some(Value::Str(s)) => s.as_str().to_owned(),
            _ => String::new(),
        };
        if spec.is_empty() {
            if let Value::Str(_) = v {
                return Ok(v.clone());
            }
        }
        Ok(Value::string(self.format_value(v, &spec)?))
    }
}
