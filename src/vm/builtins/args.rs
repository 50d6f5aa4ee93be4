//! Argument checking for natives, with CPython's wording.
//!
//! CPython words arity errors differently depending on how a function is
//! implemented in C; each helper here reproduces one family:
//! - `exactly_one`:  `len() takes exactly one argument (2 given)`
//! - `expect_count`: `divmod expected 2 arguments, got 1` (argument clinic)
//! - `takes_count`:  `split() takes at most 2 arguments (3 given)` (ParseTuple)
//! - `Sig::bind`:    keyword-capable signatures (`sorted(iterable, /, *, key, reverse)`)

use crate::value::Value;
use crate::vm::objects::KwArgs;
use crate::vm::strings::PyStr;
use crate::vm::{PyResult, Vm};

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Rejects keyword arguments: `len() takes no keyword arguments`.
pub fn no_kwargs(vm: &mut Vm, fname: &str, kwargs: &KwArgs) -> PyResult<()> {
    if kwargs.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{fname}() takes no keyword arguments")))
    }
}

/// One positional argument and no keywords (CPython's METH_O functions).
pub fn exactly_one<'a>(
    vm: &mut Vm,
    fname: &str,
    args: &'a [Value],
    kwargs: &KwArgs,
) -> PyResult<&'a Value> {
    no_kwargs(vm, fname, kwargs)?;
    match args {
        [only] => Ok(only),
        _ => Err(vm.type_error(format!(
            "{fname}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

/// Checks a positional count in the argument-clinic wording:
/// `isinstance expected 2 arguments, got 1`, `min expected at least 1 argument, got 0`.
pub fn expect_count(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    min: usize,
    max: usize,
) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = if min == max {
        format!("{fname} expected {min} argument{}, got {n}", plural(min))
    } else if n < min {
        format!(
            "{fname} expected at least {min} argument{}, got {n}",
            plural(min)
        )
    } else {
        format!(
            "{fname} expected at most {max} argument{}, got {n}",
            plural(max)
        )
    };
    Err(vm.type_error(msg))
}

/// Checks a positional count in the older wording:
/// `split() takes at most 2 arguments (3 given)`.
pub fn takes_count(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    min: usize,
    max: usize,
) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = if max == 0 {
        format!("{fname}() takes no arguments ({n} given)")
    } else if min == max {
        let count = if min == 1 {
            "one".to_owned()
        } else {
            min.to_string()
        };
        format!(
            "{fname}() takes exactly {count} argument{} ({n} given)",
            plural(min)
        )
    } else if n < min {
        format!(
            "{fname}() takes at least {min} argument{} ({n} given)",
            plural(min)
        )
    } else {
        format!(
            "{fname}() takes at most {max} argument{} ({n} given)",
            plural(max)
        )
    };
    Err(vm.type_error(msg))
}

/// A native's signature: parameter names in order, how many are required,
/// and how many may be passed positionally (the rest are keyword-only).
pub struct Sig {
    pub name: &'static str,
    pub params: &'static [&'static str],
    pub required: usize,
    pub positional: usize,
}

impl Sig {
    /// Binds positional and keyword arguments to the parameters; absent
    /// optional parameters are `None`.
    pub fn bind(
        &self,
        vm: &mut Vm,
        args: &[Value],
        kwargs: &KwArgs,
    ) -> PyResult<Vec<Option<Value>>> {
        let name = self.name;
        if args.len() > self.positional {
            let msg = if self.positional == 0 {
                format!("{name}() takes no positional arguments")
            } else {
                format!(
                    "{name}() takes at most {} argument{} ({} given)",
                    self.positional,
                    plural(self.positional),
                    args.len()
                )
            };
            return Err(vm.type_error(msg));
        }
        let mut bound: Vec<Option<Value>> = vec![None; self.params.len()];
        for (slot, arg) in bound.iter_mut().zip(args) {
            *slot = Some(arg.clone());
        }
        for (key, value) in kwargs {
            match self.params.iter().position(|p| **p == **key) {
                Some(i) if i < args.len() => {
                    return Err(vm.type_error(format!(
                        "argument for {name}() given by name ('{key}') and position ({})",
                        i + 1
                    )))
                }
                Some(i) => bound[i] = Some(value.clone()),
                None => {
                    return Err(vm.type_error(format!(
                        "{name}() got an unexpected keyword argument '{key}'"
                    )))
                }
            }
        }
        if let Some(i) = bound[..self.required].iter().position(Option::is_none) {
            let param = self.params[i];
            let msg = if i < self.positional {
                format!(
                    "{name}() missing required argument '{param}' (pos {})",
                    i + 1
                )
            } else {
                format!("{name}() missing required keyword-only argument '{param}'")
            };
            return Err(vm.type_error(msg));
        }
        Ok(bound)
    }
}

/// Checks that every keyword is one of `allowed`, in the wording CPython
/// uses for print/sorted/min/max/zip: `'x' is an invalid keyword argument for print()`.
pub fn allow_kwargs(vm: &mut Vm, fname: &str, kwargs: &KwArgs, allowed: &[&str]) -> PyResult<()> {
    match kwargs.iter().find(|(k, _)| !allowed.contains(&&**k)) {
        Some((k, _)) => Err(vm.type_error(format!(
            "'{k}' is an invalid keyword argument for {fname}()"
        ))),
        None => Ok(()),
    }
}

/// The value of keyword argument `name`, if given.
pub fn kwarg(kwargs: &KwArgs, name: &str) -> Option<Value> {
    kwargs
        .iter()
        .find(|(k, _)| &**k == name)
        .map(|(_, v)| v.clone())
}

/// A `str` argument, or `TypeError: {what} must be str, not int`.
pub fn str_arg<'a>(vm: &mut Vm, v: &'a Value, what: &str) -> PyResult<&'a PyStr> {
    match v {
        Value::Str(s) => Ok(s),
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(format!("{what} must be str, not {tn}")))
        }
    }
}

/// The `self` of a method, checked to be of the expected variant by `get`,
/// or `TypeError: descriptor 'append' for 'list' objects doesn't apply to a 'int' object`.
pub fn self_arg<'a, T>(
    vm: &mut Vm,
    args: &'a [Value],
    owner: &str,
    method: &str,
    get: impl Fn(&'a Value) -> Option<T>,
) -> PyResult<T> {
    match args.first() {
        Some(v) => match get(v) {
            Some(t) => Ok(t),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!(
                    "descriptor '{method}' for '{owner}' objects doesn't apply to a '{tn}' object"
                )))
            }
        },
        None => Err(vm.type_error(format!(
            "unbound method {owner}.{method}() needs an argument"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::exceptions::PyErr;

    fn message(vm: &mut Vm, err: PyErr) -> String {
        match err {
            PyErr::Raise(e) => vm.to_str(&e).unwrap_or_default(),
            _ => String::new(),
        }
    }

    #[test]
    fn arity_messages_follow_cpython() {
        let mut vm = Vm::new("t.py", Vec::new());
        let two = [Value::Int(1), Value::Int(2)];
        let e = exactly_one(&mut vm, "len", &two, &[]).err().unwrap();
        assert_eq!(
            message(&mut vm, e),
            "len() takes exactly one argument (2 given)"
        );
        let e = expect_count(&mut vm, "divmod", &two[..1], 2, 2)
            .err()
            .unwrap();
        assert_eq!(message(&mut vm, e), "divmod expected 2 arguments, got 1");
        let e = expect_count(&mut vm, "pop", &two, 0, 1).err().unwrap();
        assert_eq!(
            message(&mut vm, e),
            "pop expected at most 1 argument, got 2"
        );
        let e = takes_count(&mut vm, "str.upper", &two[..1], 0, 0)
            .err()
            .unwrap();
        assert_eq!(
            message(&mut vm, e),
            "str.upper() takes no arguments (1 given)"
        );
    }

    #[test]
    fn sig_binds_keywords_and_reports_problems() {
        let mut vm = Vm::new("t.py", Vec::new());
        const ROUND: Sig = Sig {
            name: "round",
            params: &["number", "ndigits"],
            required: 1,
            positional: 2,
        };
        let kwargs: Vec<(std::rc::Rc<str>, Value)> = vec![("ndigits".into(), Value::Int(2))];
        let bound = ROUND
            .bind(&mut vm, &[Value::Float(1.5)], &kwargs)
            .ok()
            .unwrap();
        assert!(matches!(bound[1], Some(Value::Int(2))));
        let e = ROUND.bind(&mut vm, &[], &[]).err().unwrap();
        assert_eq!(
            message(&mut vm, e),
            "round() missing required argument 'number' (pos 1)"
        );
        let bad: Vec<(std::rc::Rc<str>, Value)> = vec![("x".into(), Value::None)];
        let e = ROUND.bind(&mut vm, &[Value::Int(1)], &bad).err().unwrap();
        assert_eq!(
            message(&mut vm, e),
            "round() got an unexpected keyword argument 'x'"
        );
    }
}
