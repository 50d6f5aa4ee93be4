//! `int` and `bool`: constructors, methods and numeric attributes.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{Signed, Zero};

use crate::text::numbers::{float_to_int, int_to_f64, parse_int};
use crate::value::Value;
use crate::vm::builtins::args::{expect_count, no_kwargs, self_arg, Sig};
use crate::vm::builtins::methods::{add_new, add_property, text_error};
use crate::vm::exceptions::ExcKind;
use crate::vm::objects::KwArgs;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let int = vm.types.int.clone();
    add_new(&int, int_new);
    add_new(&vm.types.bool_.clone(), bool_new);
    vm.add_method(&int, "bit_length", bit_length);
    vm.add_method(&int, "bit_count", bit_count);
    vm.add_method(&int, "to_bytes", to_bytes);
    vm.add_classmethod(&int, "from_bytes", from_bytes);
    vm.add_method(&int, "as_integer_ratio", as_integer_ratio);
    vm.add_method(&int, "conjugate", itself);
    vm.add_method(&int, "__index__", itself);
    vm.add_method(&int, "__int__", itself);
    vm.add_method(&int, "__trunc__", itself);
    vm.add_method(&int, "__floor__", itself);
    vm.add_method(&int, "__ceil__", itself);
    vm.add_method(&int, "__float__", to_float);
    vm.add_method(&int, "__round__", dunder_round);
    add_property(&int, "real", itself);
    add_property(&int, "numerator", itself);
    add_property(&int, "imag", zero);
    add_property(&int, "denominator", one);
}

/// The integer value of `self` (an int or a bool).
fn this(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<BigInt> {
    self_arg(vm, args, "int", method, Vm::to_bigint)
}

const INT: Sig = Sig {
    name: "int",
    params: &["x", "base"],
    required: 0,
    positional: 2,
};

/// `int(x=0)`, `int(text, base=10)`.
fn int_new(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let bound = INT.bind(vm, args.get(1..).unwrap_or_default(), kwargs)?;
    let Some(x) = bound[0].clone() else {
        if bound[1].is_some() {
            return Err(vm.type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    if let Some(base) = &bound[1] {
        let base = vm.to_index(base)?;
        let text = match &x {
            Value::Str(s) => s.as_str().to_owned(),
            Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
            _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
        };
        return parse_int(&text, base)
            .map(Value::from_bigint)
            .map_err(|e| text_error(vm, e));
    }
    to_int(vm, &x)
}

/// `int(x)` for one argument.
fn to_int(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => float_to_int(*f)
            .map(Value::from_bigint)
            .map_err(|e| text_error(vm, e)),
        Value::Str(s) => parse_int(s.as_str(), 10)
            .map(Value::from_bigint)
            .map_err(|e| text_error(vm, e)),
        Value::Bytes(b) => {
            let text = String::from_utf8_lossy(b).into_owned();
            parse_int(&text, 10)
                .map(Value::from_bigint)
                .map_err(|e| text_error(vm, e))
        }
        _ => {
            for method in ["__int__", "__index__", "__trunc__"] {
                if let Some(r) = vm.call_dunder(x, method, vec![])? {
                    return match r {
                        Value::Int(_) | Value::BigInt(_) => Ok(r),
                        Value::Bool(b) => Ok(Value::Int(b as i64)),
                        other => {
                            let tn = vm.type_name(&other);
                            Err(vm.type_error(format!("{method} returned non-int (type {tn})")))
                        }
                    };
                }
            }
            let tn = vm.type_name(x);
            Err(vm.type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{tn}'"
            )))
        }
    }
}

fn bool_new(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "bool", kwargs)?;
    let rest = args.get(1..).unwrap_or_default();
    expect_count(vm, "bool", rest, 0, 1)?;
    match rest.first() {
        Some(v) => Ok(Value::Bool(vm.is_true(v)?)),
        None => Ok(Value::Bool(false)),
    }
}

fn itself(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let n = this(vm, args, "__int__")?;
    Ok(Value::from_bigint(n))
}

fn zero(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "imag")?;
    Ok(Value::Int(0))
}

fn one(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "denominator")?;
    Ok(Value::Int(1))
}

fn to_float(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let n = this(vm, args, "__float__")?;
    int_to_f64(&n)
        .map(Value::Float)
        .map_err(|e| text_error(vm, e))
}

fn bit_length(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let n = this(vm, args, "bit_length")?;
    Ok(Value::Int(n.bits() as i64))
}

fn bit_count(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let n = this(vm, args, "bit_count")?;
    let ones: u64 = n
        .magnitude()
        .iter_u64_digits()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(Value::Int(ones as i64))
}

fn as_integer_ratio(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let n = this(vm, args, "as_integer_ratio")?;
    Ok(Value::tuple(vec![Value::from_bigint(n), Value::Int(1)]))
}

/// `int.__round__(ndigits=None)`.
fn dunder_round(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let n = this(vm, args, "__round__")?;
    no_kwargs(vm, "__round__", kwargs)?;
    expect_count(vm, "__round__", &args[1..], 0, 1)?;
    let ndigits = match args.get(1).filter(|v| !v.is_none()) {
        Some(v) => Some(vm.to_index(v)?),
        None => None,
    };
    Ok(round_int(n, ndigits))
}

/// `round(n, ndigits)` for ints: unchanged unless `ndigits` is negative,
/// then rounded half to even at that power of ten.
pub fn round_int(n: BigInt, ndigits: Option<i64>) -> Value {
    let digits = match ndigits {
        Some(d) if d < 0 => d.unsigned_abs(),
        _ => return Value::from_bigint(n),
    };
    // 10**k with k beyond any int's digit count rounds everything to 0.
    if digits > 20_000 {
        return Value::Int(0);
    }
    let pow = num_traits::pow(BigInt::from(10), digits as usize);
    let (mut q, r) = n.div_mod_floor(&pow);
    let twice = &r * 2;
    if twice > pow || (twice == pow && q.is_odd()) {
        q += 1;
    }
    Value::from_bigint(q * pow)
}

const TO_BYTES: Sig = Sig {
    name: "to_bytes",
    params: &["length", "byteorder", "signed"],
    required: 0,
    positional: 2,
};

fn little_endian(vm: &mut Vm, order: Option<&Value>) -> PyResult<bool> {
    match order {
        None => Ok(false),
        Some(Value::Str(s)) if s.as_str() == "big" => Ok(false),
        Some(Value::Str(s)) if s.as_str() == "little" => Ok(true),
        Some(Value::Str(_)) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        Some(other) => {
            let tn = vm.type_name(other);
            Err(vm.type_error(format!(
                "to_bytes() argument 'byteorder' must be str, not {tn}"
            )))
        }
    }
}

/// `n.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn to_bytes(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let n = this(vm, args, "to_bytes")?;
    let bound = TO_BYTES.bind(vm, &args[1..], kwargs)?;
    let length = match &bound[0] {
        Some(v) => vm.to_index(v)?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let little = little_endian(vm, bound[1].as_ref())?;
    let signed = match &bound[2] {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    if n.is_negative() && !signed {
        return Err(vm.new_error(
            ExcKind::OverflowError,
            "can't convert negative int to unsigned",
        ));
    }
    let length = length as usize;
    let mut bytes = if signed {
        n.to_signed_bytes_le()
    } else {
        n.to_bytes_le().1
    };
    if n.is_zero() {
        bytes.clear();
    }
    let fill = if n.is_negative() { 0xff } else { 0 };
    // A positive signed number needs room for its sign bit.
    let overflow = bytes.len() > length
        || (signed
            && !n.is_negative()
            && bytes.len() == length
            && bytes.last().is_some_and(|b| b & 0x80 != 0));
    if overflow {
        return Err(vm.new_error(ExcKind::OverflowError, "int too big to convert"));
    }
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(Value::Bytes(bytes.into()))
}

const FROM_BYTES: Sig = Sig {
    name: "from_bytes",
    params: &["bytes", "byteorder", "signed"],
    required: 1,
    positional: 2,
};

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`.
fn from_bytes(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let bound = FROM_BYTES.bind(vm, args.get(1..).unwrap_or_default(), kwargs)?;
    let data: Vec<u8> = match bound[0].clone().unwrap_or(Value::None) {
        Value::Bytes(b) => b.to_vec(),
        other => {
            let items = vm.collect_iterable(&other)?;
            let mut out = Vec::with_capacity(items.len());
            for item in &items {
                let byte = vm.to_index(item)?;
                match u8::try_from(byte) {
                    Ok(b) => out.push(b),
                    Err(_) => return Err(vm.value_error("bytes must be in range(0, 256)")),
                }
            }
            out
        }
    };
    let little = little_endian(vm, bound[1].as_ref())?;
    let signed = match &bound[2] {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let n = match (little, signed) {
        (true, true) => BigInt::from_signed_bytes_le(&data),
        (false, true) => BigInt::from_signed_bytes_be(&data),
        (true, false) => BigInt::from_bytes_le(Sign::Plus, &data),
        (false, false) => BigInt::from_bytes_be(Sign::Plus, &data),
    };
    Ok(Value::from_bigint(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rounded(n: i64, digits: i64) -> i64 {
        match round_int(BigInt::from(n), Some(digits)) {
            Value::Int(i) => i,
            _ => i64::MIN,
        }
    }

    #[test]
    fn negative_ndigits_round_half_even() {
        assert_eq!(rounded(1234, -2), 1200);
        assert_eq!(rounded(25, -1), 20);
        assert_eq!(rounded(35, -1), 40);
        assert_eq!(rounded(-15, -1), -20);
        assert_eq!(rounded(-25, -1), -20);
        assert_eq!(rounded(7, 3), 7);
    }
}
