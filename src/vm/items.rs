//! Subscription: `x[i]`, `x[i] = v`, `del x[i]`, with slices.

use crate::value::Value;
use crate::vm::exceptions::ExcKind;
use crate::vm::objects::SliceObj;
use crate::vm::{PyResult, Vm};

/// A slice resolved against a length, as `slice.indices(len)`.
pub struct SliceIndices {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl SliceIndices {
    /// The positions the slice selects, in order.
    pub fn positions(&self) -> Vec<usize> {
        let mut out = Vec::new();
        let mut i = self.start;
        if self.step > 0 {
            while i < self.stop {
                out.push(i as usize);
                i += self.step;
            }
        } else {
            while i > self.stop {
                out.push(i as usize);
                i += self.step;
            }
        }
        out
    }
}

impl Vm {
    pub fn slice_indices(&mut self, s: &SliceObj, len: usize) -> PyResult<SliceIndices> {
        let len = len as i64;
        let step = if s.step.is_none() {
            1
        } else {
            self.to_index(&s.step)?
        };
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |v: i64| -> i64 {
            if v < 0 {
                (v + len).max(lower)
            } else {
                v.min(upper)
            }
        };
        let start = if s.start.is_none() {
            if step < 0 {
                upper
            } else {
                lower
            }
        } else {
            clamp(self.to_index(&s.start)?)
        };
        let stop = if s.stop.is_none() {
            if step < 0 {
                lower
            } else {
                upper
            }
        } else {
            clamp(self.to_index(&s.stop)?)
        };
        Ok(SliceIndices { start, stop, step })
    }

    /// A normalised index into a sequence of `len` items, or IndexError.
    fn seq_index(&mut self, index: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match index {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            _ => match self.to_index(index) {
                Ok(i) => i,
                Err(_) => {
                    return Err(self.type_error(format!(
                        "{what} indices must be integers or slices, not {}",
                        self.type_name(index)
                    )))
                }
            },
        };
        let n = if i < 0 { i + len as i64 } else { i };
        if n < 0 || n >= len as i64 {
            return Err(self.new_error(ExcKind::IndexError, format!("{what} index out of range")));
        }
        Ok(n as usize)
    }

    pub fn getitem(&mut self, container: &Value, index: &Value) -> PyResult<Value> {
        match container {
            Value::List(l) => {
                if let Value::Slice(s) = index {
                    let items = l.borrow().clone();
                    let idx = self.slice_indices(s, items.len())?;
                    return Ok(Value::list(
                        idx.positions()
                            .into_iter()
                            .map(|i| items[i].clone())
                            .collect(),
                    ));
                }
                let len = l.borrow().len();
                let i = self.seq_index(index, len, "list")?;
                Ok(l.borrow()[i].clone())
            }
            Value::Tuple(t) => {
                if let Value::Slice(s) = index {
                    let idx = self.slice_indices(s, t.len())?;
                    return Ok(Value::tuple(
                        idx.positions().into_iter().map(|i| t[i].clone()).collect(),
                    ));
                }
                let i = self.seq_index(index, t.len(), "tuple")?;
                Ok(t[i].clone())
            }
            Value::Str(s) => {
                if let Value::Slice(sl) = index {
                    let idx = self.slice_indices(sl, s.len())?;
                    if idx.step == 1 {
                        let (a, b) = (idx.start.max(0) as usize, idx.stop.max(0) as usize);
                        return Ok(Value::str(s.slice(a, b)));
                    }
                    let chars: Vec<char> = s.as_str().chars().collect();
                    return Ok(Value::string(
                        idx.positions().into_iter().map(|i| chars[i]).collect(),
                    ));
                }
                let i = self.seq_index(index, s.len(), "string")?;
                Ok(Value::string(
                    s.char_at(i).map(String::from).unwrap_or_default(),
                ))
            }
            Value::Bytes(b) => {
                if let Value::Slice(sl) = index {
                    let idx = self.slice_indices(sl, b.len())?;
                    let out: Vec<u8> = idx.positions().into_iter().map(|i| b[i]).collect();
                    return Ok(Value::Bytes(out.into()));
                }
                let i = self.seq_index(index, b.len(), "index")?;
                Ok(Value::Int(b[i] as i64))
            }
            Value::Range(r) => {
                let len = r.len() as usize;
                if let Value::Slice(sl) = index {
                    let idx = self.slice_indices(sl, len)?;
                    return Ok(Value::Range(std::rc::Rc::new(
                        crate::vm::objects::RangeObj {
                            start: r.start + idx.start * r.step,
                            stop: r.start + idx.stop * r.step,
                            step: r.step * idx.step,
                        },
                    )));
                }
                let i = self.seq_index(index, len, "range object")?;
                Ok(Value::Int(r.start + i as i64 * r.step))
            }
            Value::Dict(d) => match self.dict_get(d, index)? {
                Some(v) => Ok(v),
                None => Err(self.key_error(index.clone())),
            },
            Value::Type(t) => {
                // `list[int]` in annotations: generic aliases are not modelled;
                // the class itself stands in.
                if let Some(f) = t.lookup("__class_getitem__") {
                    let f = match f {
                        Value::ClassMethod(f) => (*f).clone(),
                        other => other,
                    };
                    return self.call(&f, vec![container.clone(), index.clone()], &[]);
                }
                if t.module == "builtins" {
                    return Ok(container.clone());
                }
                Err(self.type_error(format!("type '{}' is not subscriptable", t.name)))
            }
            _ => match self.call_dunder(container, "__getitem__", vec![index.clone()])? {
                Some(v) => Ok(v),
                None => Err(self.type_error(format!(
                    "'{}' object is not subscriptable",
                    self.type_name(container)
                ))),
            },
        }
    }

    pub fn key_error(&mut self, key: Value) -> crate::vm::exceptions::PyErr {
        let class = self.exc_type(ExcKind::KeyError).clone();
        crate::vm::exceptions::PyErr::Raise(crate::vm::classes::new_exception(&class, vec![key]))
    }

    pub fn setitem(&mut self, container: &Value, index: Value, value: Value) -> PyResult<()> {
        match container {
            Value::List(l) => {
                if let Value::Slice(s) = &index {
                    let items = self.collect_iterable(&value)?;
                    let len = l.borrow().len();
                    let idx = self.slice_indices(s, len)?;
                    if idx.step == 1 {
                        let start = idx.start.max(0) as usize;
                        let stop = (idx.stop.max(idx.start)).max(0) as usize;
                        l.borrow_mut().splice(start..stop, items);
                        return Ok(());
                    }
                    let positions = idx.positions();
                    if positions.len() != items.len() {
                        return Err(self.value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            items.len(),
                            positions.len()
                        )));
                    }
                    let mut list = l.borrow_mut();
                    for (p, v) in positions.into_iter().zip(items) {
                        list[p] = v;
                    }
                    return Ok(());
                }
                let len = l.borrow().len();
                let i = self.seq_index(&index, len, "list assignment")?;
                l.borrow_mut()[i] = value;
                Ok(())
            }
            Value::Dict(d) => self.dict_set(d, index, value),
            _ => match self.call_dunder(container, "__setitem__", vec![index, value])? {
                Some(_) => Ok(()),
                None => Err(self.type_error(format!(
                    "'{}' object does not support item assignment",
                    self.type_name(container)
                ))),
            },
        }
    }

    pub fn delitem(&mut self, container: &Value, index: &Value) -> PyResult<()> {
        match container {
            Value::List(l) => {
                if let Value::Slice(s) = index {
                    let len = l.borrow().len();
                    let idx = self.slice_indices(s, len)?;
                    let mut positions = idx.positions();
                    positions.sort_unstable();
                    let mut list = l.borrow_mut();
                    for p in positions.into_iter().rev() {
                        list.remove(p);
                    }
                    return Ok(());
                }
                let len = l.borrow().len();
                let i = self.seq_index(index, len, "list assignment")?;
                l.borrow_mut().remove(i);
                Ok(())
            }
            Value::Dict(d) => match self.dict_del(d, index)? {
                Some(_) => Ok(()),
                None => Err(self.key_error(index.clone())),
            },
            _ => match self.call_dunder(container, "__delitem__", vec![index.clone()])? {
                Some(_) => Ok(()),
                None => Err(self.type_error(format!(
                    "'{}' object does not support item deletion",
                    self.type_name(container)
                ))),
            },
        }
    }
}
