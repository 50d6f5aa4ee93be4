//! Raising and matching exceptions: `raise` operands, `except` clauses,
//! `except*` splitting, and NameError suggestions.

use std::rc::Rc;

use crate::value::Value;
use crate::vm::exceptions::{ExcKind, PyErr};
use crate::vm::objects::TypeObj;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// The exception `raise v [from cause]` raises.
    pub fn make_exception(&mut self, v: Value, cause: Option<Value>) -> PyResult<Value> {
        let exc = match &v {
            Value::Type(t) if t.is_exception() => self.call0(&v)?,
            Value::Instance(i) if i.exc.is_some() => v.clone(),
            _ => return Err(self.type_error("exceptions must derive from BaseException")),
        };
        if let Some(cause) = cause {
            let cause = match &cause {
                Value::None => None,
                Value::Type(t) if t.is_exception() => Some(self.call0(&cause)?),
                Value::Instance(i) if i.exc.is_some() => Some(cause.clone()),
                _ => return Err(self.type_error("exception causes must derive from BaseException")),
            };
            if let Some(data) = Vm::exc_data(&exc) {
                let mut d = data.borrow_mut();
                d.cause = cause;
                d.suppress_context = true;
            }
        }
        Ok(exc)
    }

    /// Does `exc` match the class (or tuple of classes) of an except clause?
    pub fn exception_matches(&mut self, exc: &Value, typ: &Value) -> PyResult<bool> {
        match typ {
            Value::Type(t) => {
                if !t.is_exception() {
                    return Err(self.type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
                Ok(self.is_instance(exc, t))
            }
            Value::Tuple(items) => {
                for item in items.iter() {
                    if self.exception_matches(exc, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    fn group_exceptions(&mut self, group: &Value) -> Option<Vec<Value>> {
        match self.getattr_opt(group, "exceptions").ok().flatten()? {
            Value::Tuple(t) => Some(t.to_vec()),
            Value::List(l) => Some(l.borrow().clone()),
            _ => None,
        }
    }

    fn is_group(&self, v: &Value) -> bool {
        let base = self.exc_type(ExcKind::BaseExceptionGroup).clone();
        self.is_instance(v, &base)
    }

    /// A group like `template` (same message) holding `excs`.
    fn derive_group(&mut self, template: &Value, excs: Vec<Value>) -> PyResult<Value> {
        self.make_group(template, excs, false)
    }

    /// A group of `excs`; `as_tuple` for the group that wraps a plain
    /// exception caught by `except*` (CPython passes a tuple there).
    fn make_group(
        &mut self,
        template: &Value,
        excs: Vec<Value>,
        as_tuple: bool,
    ) -> PyResult<Value> {
        let message = match template {
            Value::None => Value::str(""),
            t => self.getattr_opt(t, "message")?.unwrap_or(Value::str("")),
        };
        let all_exceptions = excs.iter().all(|e| self.is_exc_kind(e, ExcKind::Exception));
        let class = if all_exceptions {
            self.exc_type(ExcKind::ExceptionGroup).clone()
        } else {
            self.exc_type(ExcKind::BaseExceptionGroup).clone()
        };
        let members = if as_tuple {
            Value::tuple(excs)
        } else {
            Value::list(excs)
        };
        let derived = self.call(&Value::Type(class), vec![message, members], &[])?;
        if let (Some(from), Some(to)) = (Vm::exc_data(template), Vm::exc_data(&derived)) {
            let from = from.borrow();
            let mut to = to.borrow_mut();
            to.traceback = from.traceback.clone();
            to.cause = from.cause.clone();
            to.context = from.context.clone();
        }
        Ok(derived)
    }

    /// Splits by an `except*` clause: (rest or None, matched or None).
    pub fn split_exception_group(&mut self, exc: &Value, typ: &Value) -> PyResult<(Value, Value)> {
        if !self.is_group(exc) {
            if self.exception_matches(exc, typ)? {
                let group = self.make_group(&Value::None, vec![exc.clone()], true)?;
                if let Some(d) = Vm::exc_data(&group) {
                    d.borrow_mut().traceback = Vm::exc_data(exc)
                        .map(|e| e.borrow().traceback.clone())
                        .unwrap_or_default();
                }
                return Ok((Value::None, group));
            }
            return Ok((exc.clone(), Value::None));
        }
        if self.exception_matches(exc, typ)? {
            return Ok((Value::None, exc.clone()));
        }
        let (mut matched, mut rest) = (Vec::new(), Vec::new());
        for e in self.group_exceptions(exc).unwrap_or_default() {
            let (r, m) = self.split_exception_group(&e, typ)?;
            if !m.is_none() {
                matched.push(if self.is_group(&e) { m } else { e.clone() });
            }
            if !r.is_none() {
                rest.push(r);
            }
        }
        let matched = if matched.is_empty() {
            Value::None
        } else {
            self.derive_group(exc, matched)?
        };
        let rest = if rest.is_empty() {
            Value::None
        } else {
            self.derive_group(exc, rest)?
        };
        Ok((rest, matched))
    }

    /// What an `except*` block re-raises: the unhandled rest plus anything
    /// raised inside handlers, or nothing.
    pub fn prep_reraise_star(
        &mut self,
        orig: &Value,
        raised: Vec<Value>,
    ) -> PyResult<Option<Value>> {
        let raised: Vec<Value> = raised.into_iter().filter(|v| !v.is_none()).collect();
        match raised.len() {
            0 => Ok(None),
            1 => Ok(Some(raised[0].clone())),
            _ => Ok(Some(self.derive_group(orig, raised)?)),
        }
    }

    pub fn new_name_error(&mut self, msg: String, name: &str) -> PyErr {
        let err = self.new_error(ExcKind::NameError, msg);
        if let PyErr::Raise(e) = &err {
            let _ = self.setattr_raw(e, "name", Value::str(name));
        }
        err
    }

    pub fn exception_type_from(&self, v: &Value) -> Option<Rc<TypeObj>> {
        match v {
            Value::Type(t) if t.is_exception() => Some(t.clone()),
            _ => None,
        }
    }
}
