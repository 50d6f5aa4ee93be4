//! Attributes of functions, code objects, generators, methods and other
//! built-in objects that are not stored in a class dict.

use std::any::Any;
use std::rc::Rc;

use crate::bytecode::flags;
use crate::value::Value;
use crate::vm::objects::{GenKind, GenState, GeneratorObj, NativeObject};
use crate::vm::{PyResult, Vm};

/// `gen.gi_frame` / `coro.cr_frame`: a view of the suspended frame.
pub struct FrameView {
    pub generator: Rc<GeneratorObj>,
}

impl NativeObject for FrameView {
    fn type_name(&self) -> &'static str {
        "frame"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Vm {
    /// The line a suspended (or not yet started) generator is at.
    pub fn generator_line(&self, g: &GeneratorObj) -> usize {
        let Some(source) = self.source(&g.code.filename) else {
            return g.code.firstlineno as usize;
        };
        let frame = g.frame.borrow();
        match (g.state.get(), frame.as_ref()) {
            (GenState::Created, _) | (_, None) => g.code.firstlineno as usize,
            (_, Some(f)) => f.current_line(|offset| source.line_col(offset).0),
        }
    }

    pub fn special_attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match obj {
            Value::Function(f) => match name {
                "__name__" => Some(Value::str(&f.names.borrow().name)),
                "__qualname__" => Some(Value::str(&f.names.borrow().qualname)),
                "__module__" => Some(f.module.clone()),
                "__code__" => Some(Value::Code(f.code.clone())),
                "__defaults__" => Some(if f.defaults.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.defaults.clone())
                }),
                "__kwdefaults__" => {
                    Some(f.kwdefaults.clone().map(Value::Dict).unwrap_or(Value::None))
                }
                "__globals__" => Some(Value::Dict(f.globals.clone())),
                "__closure__" => Some(if f.closure.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.closure.iter().map(|c| Value::Cell(c.clone())).collect())
                }),
                "__dict__" => {
                    let d = crate::vm::objects::DictObj::new();
                    for (k, v) in f.dict.borrow().iter() {
                        d.set_str(k, v.clone());
                    }
                    Some(Value::Dict(d))
                }
                "__doc__" => Some(f.dict.borrow().get("__doc__").cloned().unwrap_or_else(|| {
                    if f.code.has_docstring {
                        f.code.constants.first().cloned().unwrap_or(Value::None)
                    } else {
                        Value::None
                    }
                })),
                "__annotations__" => Some(
                    f.dict
                        .borrow()
                        .get("__annotations__")
                        .cloned()
                        .unwrap_or_else(|| Value::Dict(crate::vm::objects::DictObj::new())),
                ),
                _ => f.dict.borrow().get(name).cloned(),
            },
            Value::Code(c) => match name {
                "co_name" => Some(Value::str(&c.name)),
                "co_qualname" => Some(Value::str(&c.qualname)),
                "co_filename" => Some(Value::str(&c.filename)),
                "co_firstlineno" => Some(Value::Int(c.firstlineno as i64)),
                "co_flags" => Some(Value::Int(c.flags as i64)),
                "co_argcount" => Some(Value::Int(c.argcount as i64)),
                "co_varnames" => Some(Value::tuple(
                    c.varnames.iter().map(|v| Value::str(v)).collect(),
                )),
                _ => None,
            },
            Value::Generator(g) => {
                let prefix = match g.kind {
                    GenKind::Generator => "gi_",
                    GenKind::Coroutine => "cr_",
                    GenKind::AsyncGenerator => "ag_",
                };
                match name.strip_prefix(prefix) {
                    Some("code") => Some(Value::Code(g.code.clone())),
                    Some("frame") => Some(if g.state.get() == GenState::Finished {
                        Value::None
                    } else {
                        Value::Native(Rc::new(FrameView {
                            generator: g.clone(),
                        }))
                    }),
                    Some("running") => Some(Value::Bool(g.state.get() == GenState::Running)),
                    Some("suspended") => Some(Value::Bool(g.state.get() == GenState::Suspended)),
                    Some("await") | Some("yieldfrom") => Some(self.generator_delegate(g)),
                    _ => match name {
                        "__name__" => Some(Value::str(&g.names.name)),
                        "__qualname__" => Some(Value::str(&g.names.qualname)),
                        _ => None,
                    },
                }
            }
            Value::Native(n) if n.as_any().is::<FrameView>() => {
                let view = n.as_any().downcast_ref::<FrameView>().expect("checked");
                match name {
                    "f_lineno" => Some(Value::Int(self.generator_line(&view.generator) as i64)),
                    "f_code" => Some(Value::Code(view.generator.code.clone())),
                    _ => None,
                }
            }
            Value::BoundMethod(m) => match name {
                "__self__" => Some(m.self_value.clone()),
                "__func__" => Some(m.func.clone()),
                _ => {
                    let func = m.func.clone();
                    if matches!(func, Value::Function(_)) {
                        self.special_attr(&func, name)?
                    } else {
                        None
                    }
                }
            },
            Value::Builtin(b) => match name {
                "__name__" => Some(Value::str(b.name)),
                "__qualname__" => Some(Value::str(&b.qualname)),
                "__self__" => Some(b.bound_self.clone().unwrap_or(Value::None)),
                "__module__" => Some(Value::str("builtins")),
                "__doc__" => Some(Value::None),
                _ => None,
            },
            Value::Property(p) => match name {
                "fget" => Some(p.fget.clone()),
                "fset" => Some(p.fset.clone()),
                "fdel" => Some(p.fdel.clone()),
                "__doc__" => Some(p.doc.clone()),
                _ => None,
            },
            Value::StaticMethod(f) | Value::ClassMethod(f) => match name {
                "__func__" | "__wrapped__" => Some((**f).clone()),
                _ => None,
            },
            Value::Cell(c) => match name {
                "cell_contents" => match c.value.borrow().clone() {
                    Some(v) => Some(v),
                    None => return Err(self.value_error("Cell is empty")),
                },
                _ => None,
            },
            Value::Range(r) => match name {
                "start" => Some(Value::Int(r.start)),
                "stop" => Some(Value::Int(r.stop)),
                "step" => Some(Value::Int(r.step)),
                _ => None,
            },
            Value::Slice(s) => match name {
                "start" => Some(s.start.clone()),
                "stop" => Some(s.stop.clone()),
                "step" => Some(s.step.clone()),
                _ => None,
            },
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => match name {
                "real" | "numerator" => Some(match obj {
                    Value::Bool(b) => Value::Int(*b as i64),
                    other => other.clone(),
                }),
                "imag" => Some(Value::Int(0)),
                "denominator" => Some(Value::Int(1)),
                _ => None,
            },
            Value::Float(f) => match name {
                "real" => Some(Value::Float(*f)),
                "imag" => Some(Value::Float(0.0)),
                _ => None,
            },
            _ => None,
        })
    }

    /// What a suspended generator is delegating to, or None.
    fn generator_delegate(&self, g: &GeneratorObj) -> Value {
        let frame = g.frame.borrow();
        match frame.as_ref() {
            Some(f)
                if matches!(
                    f.code.instructions.get(f.ip),
                    Some(crate::bytecode::Instr::YieldFrom)
                ) =>
            {
                f.stack.last().cloned().unwrap_or(Value::None)
            }
            _ => Value::None,
        }
    }

    /// Whether a function is a coroutine function (for `iscoroutinefunction`).
    pub fn is_coroutine_function(v: &Value) -> bool {
        match v {
            Value::Function(f) => f.code.flags & flags::COROUTINE != 0,
            Value::BoundMethod(m) => Vm::is_coroutine_function(&m.func),
            _ => false,
        }
    }
}
