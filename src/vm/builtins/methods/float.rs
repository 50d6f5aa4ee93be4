//! `float`: constructor, methods and numeric attributes.

use crate::text::numbers::{
    float_as_integer_ratio, float_is_integer, float_round, float_to_int, parse_float,
    round_half_even,
};
use crate::value::Value;
use crate::vm::builtins::args::{expect_count, no_kwargs, self_arg};
use crate::vm::builtins::methods::{add_new, add_property, text_error};
use crate::vm::objects::KwArgs;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let float = vm.types.float.clone();
    add_new(&float, float_new);
    vm.add_method(&float, "is_integer", is_integer);
    vm.add_method(&float, "as_integer_ratio", as_integer_ratio);
    vm.add_method(&float, "conjugate", itself);
    vm.add_method(&float, "__float__", itself);
    vm.add_method(&float, "__int__", trunc);
    vm.add_method(&float, "__trunc__", trunc);
    vm.add_method(&float, "__floor__", floor);
    vm.add_method(&float, "__ceil__", ceil);
    vm.add_method(&float, "__round__", dunder_round);
    add_property(&float, "real", itself);
    add_property(&float, "imag", zero);
}

fn this(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<f64> {
    self_arg(vm, args, "float", method, |v| match v {
        Value::Float(f) => Some(*f),
        _ => None,
    })
}

/// `float(x=0.0)`.
fn float_new(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "float", kwargs)?;
    let rest = args.get(1..).unwrap_or_default();
    expect_count(vm, "float", rest, 0, 1)?;
    let Some(x) = rest.first() else {
        return Ok(Value::Float(0.0));
    };
    match x {
        Value::Float(_) => Ok(x.clone()),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => Ok(Value::Float(vm.to_f64(x)?)),
        Value::Str(s) => parse_float(s.as_str())
            .map(Value::Float)
            .map_err(|e| text_error(vm, e)),
        Value::Bytes(b) => {
            let text = String::from_utf8_lossy(b).into_owned();
            parse_float(&text)
                .map(Value::Float)
                .map_err(|e| text_error(vm, e))
        }
        _ => {
            if let Some(r) = vm.call_dunder(x, "__float__", vec![])? {
                return match r {
                    Value::Float(_) => Ok(r),
                    other => {
                        let tn = vm.type_name(x);
                        let rn = vm.type_name(&other);
                        Err(vm.type_error(format!("{tn}.__float__ returned non-float (type {rn})")))
                    }
                };
            }
            if let Some(r) = vm.call_dunder(x, "__index__", vec![])? {
                return Ok(Value::Float(vm.to_f64(&r)?));
            }
            let tn = vm.type_name(x);
            Err(vm.type_error(format!(
                "float() argument must be a string or a real number, not '{tn}'"
            )))
        }
    }
}

fn itself(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    Ok(Value::Float(this(vm, args, "__float__")?))
}

fn zero(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "imag")?;
    Ok(Value::Float(0.0))
}

fn is_integer(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(float_is_integer(this(vm, args, "is_integer")?)))
}

fn as_integer_ratio(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let x = this(vm, args, "as_integer_ratio")?;
    let (n, d) = float_as_integer_ratio(x).map_err(|e| text_error(vm, e))?;
    Ok(Value::tuple(vec![
        Value::from_bigint(n),
        Value::from_bigint(d),
    ]))
}

/// A float converted to an int, with CPython's errors for inf and nan.
pub fn float_to_int_value(vm: &mut Vm, x: f64) -> PyResult<Value> {
    float_to_int(x)
        .map(Value::from_bigint)
        .map_err(|e| text_error(vm, e))
}

fn trunc(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let x = this(vm, args, "__trunc__")?;
    float_to_int_value(vm, x)
}

fn floor(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let x = this(vm, args, "__floor__")?;
    float_to_int_value(vm, x.floor())
}

fn ceil(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let x = this(vm, args, "__ceil__")?;
    float_to_int_value(vm, x.ceil())
}

fn dunder_round(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let x = this(vm, args, "__round__")?;
    no_kwargs(vm, "__round__", kwargs)?;
    expect_count(vm, "__round__", &args[1..], 0, 1)?;
    let ndigits = args.get(1).filter(|v| !v.is_none()).cloned();
    round_float(vm, x, ndigits.as_ref())
}

/// `round(x)` (an int, half to even) or `round(x, ndigits)` (a float).
pub fn round_float(vm: &mut Vm, x: f64, ndigits: Option<&Value>) -> PyResult<Value> {
    match ndigits {
        None => float_to_int_value(vm, round_half_even(x)),
        Some(d) => {
            let digits = vm.to_index(d)?;
            float_round(x, digits)
                .map(Value::Float)
                .map_err(|e| text_error(vm, e))
        }
    }
}
