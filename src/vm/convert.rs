//! Conversions from Python values to Rust numbers, with CPython's errors.

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::value::Value;
use crate::vm::exceptions::ExcKind;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `operator.index(v)` as an i64 (OverflowError past 64 bits).
    pub fn to_index(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(_) => Err(self.new_error(
                ExcKind::OverflowError,
                "Python int too large to convert to C ssize_t",
            )),
            Value::Instance(_) => match self.call_dunder(v, "__index__", vec![])? {
                Some(r @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => self.to_index(&r),
                _ => Err(self.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    self.type_name(v)
                ))),
            },
            _ => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(v)
            ))),
        }
    }

    /// A real number as f64 (ints convert exactly or raise OverflowError).
    pub fn to_f64(&mut self, v: &Value) -> PyResult<f64> {
        match v {
            Value::Float(f) => Ok(*f),
            Value::Int(i) => Ok(*i as f64),
            Value::Bool(b) => Ok(*b as i64 as f64),
            Value::BigInt(b) => match b.to_f64() {
                Some(f) if f.is_finite() => Ok(f),
                _ => {
                    Err(self.new_error(ExcKind::OverflowError, "int too large to convert to float"))
                }
            },
            Value::Instance(_) => match self.call_dunder(v, "__float__", vec![])? {
                Some(Value::Float(f)) => Ok(f),
                _ => {
                    Err(self.type_error(format!("must be real number, not {}", self.type_name(v))))
                }
            },
            _ => Err(self.type_error(format!("must be real number, not {}", self.type_name(v)))),
        }
    }

    /// The integer value of ints and bools.
    pub fn to_bigint(v: &Value) -> Option<BigInt> {
        match v {
            Value::Int(i) => Some(BigInt::from(*i)),
            Value::Bool(b) => Some(BigInt::from(*b as i64)),
            Value::BigInt(b) => Some((**b).clone()),
            _ => None,
        }
    }

    /// Raises an error of the text library as its Python exception.
    pub fn text_error(&mut self, e: crate::text::TextError) -> crate::vm::exceptions::PyErr {
        use crate::text::TextErrorKind as K;
        let kind = match e.kind {
            K::ValueError => ExcKind::ValueError,
            K::TypeError => ExcKind::TypeError,
            K::OverflowError => ExcKind::OverflowError,
            K::ZeroDivisionError => ExcKind::ZeroDivisionError,
            K::MemoryError => ExcKind::MemoryError,
        };
        self.new_error(kind, e.message)
    }

    pub fn int_value(n: BigInt) -> Value {
        Value::from_bigint(n)
    }

    /// A str argument, or TypeError naming the function.
    pub fn expect_str(
        &mut self,
        v: &Value,
        what: &str,
    ) -> PyResult<std::rc::Rc<crate::vm::strings::PyStr>> {
        match v {
            Value::Str(s) => Ok(s.clone()),
            _ => Err(self.type_error(format!("{what} must be str, not {}", self.type_name(v)))),
        }
    }
}
