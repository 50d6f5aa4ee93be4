//! Numeric builtins: abs, round, divmod, pow, sum, hex/oct/bin, chr, ord.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

use crate::ast::BinOp;
use crate::text::numbers::int_to_prefixed;
use crate::value::Value;
use crate::vm::builtins::args::{exactly_one, expect_count, no_kwargs, Sig};
use crate::vm::builtins::methods::float::round_float;
use crate::vm::builtins::methods::int::round_int;
use crate::vm::exceptions::ExcKind;
use crate::vm::objects::KwArgs;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    vm.add_builtin("abs", abs);
    vm.add_builtin("round", round);
    vm.add_builtin("divmod", divmod);
    vm.add_builtin("pow", pow);
    vm.add_builtin("sum", sum);
    vm.add_builtin("hex", hex);
    vm.add_builtin("oct", oct);
    vm.add_builtin("bin", bin);
    vm.add_builtin("chr", chr);
    vm.add_builtin("ord", ord);
}

fn abs(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let x = exactly_one(vm, "abs", args, kwargs)?;
    Ok(match x {
        Value::Int(i) => match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::from_bigint(BigInt::from(*i).abs()),
        },
        Value::Bool(b) => Value::Int(*b as i64),
        Value::BigInt(b) => Value::from_bigint(b.abs()),
        Value::Float(f) => Value::Float(f.abs()),
        _ => match vm.call_dunder(x, "__abs__", vec![])? {
            Some(v) => v,
            None => {
                let tn = vm.type_name(x);
                return Err(vm.type_error(format!("bad operand type for abs(): '{tn}'")));
            }
        },
    })
}

const ROUND: Sig = Sig {
    name: "round",
    params: &["number", "ndigits"],
    required: 1,
    positional: 2,
};

fn round(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let bound = ROUND.bind(vm, args, kwargs)?;
    let number = bound[0].clone().unwrap_or(Value::None);
    let ndigits = bound[1].clone().filter(|v| !v.is_none());
    match &number {
        Value::Float(f) => round_float(vm, *f, ndigits.as_ref()),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            let n = Vm::to_bigint(&number).unwrap_or_default();
            let digits = match &ndigits {
                Some(d) => Some(vm.to_index(d)?),
                None => None,
            };
            Ok(round_int(n, digits))
        }
        _ => {
            let extra = ndigits.into_iter().collect();
            match vm.call_dunder(&number, "__round__", extra)? {
                Some(v) => Ok(v),
                None => {
                    let tn = vm.type_name(&number);
                    Err(vm.type_error(format!("type {tn} doesn't define __round__ method")))
                }
            }
        }
    }
}

fn is_number(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_)
    )
}

fn divmod(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "divmod", kwargs)?;
    expect_count(vm, "divmod", args, 2, 2)?;
    let (a, b) = (&args[0], &args[1]);
    if is_number(a) && is_number(b) {
        let floats = matches!(a, Value::Float(_)) || matches!(b, Value::Float(_));
        let zero = match b {
            Value::Float(f) => *f == 0.0,
            other => Vm::to_bigint(other).is_some_and(|n| n.is_zero()),
        };
        if zero {
            let msg = if floats {
                "float divmod()"
            } else {
                "integer division or modulo by zero"
            };
            return Err(vm.new_error(ExcKind::ZeroDivisionError, msg));
        }
        let q = vm.binary_op(a, b, BinOp::FloorDiv)?;
        let r = vm.binary_op(a, b, BinOp::Mod)?;
        return Ok(Value::tuple(vec![q, r]));
    }
    if let Some(r) = vm.call_dunder(a, "__divmod__", vec![b.clone()])? {
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    if let Some(r) = vm.call_dunder(b, "__rdivmod__", vec![a.clone()])? {
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    let (an, bn) = (vm.type_name(a), vm.type_name(b));
    Err(vm.type_error(format!(
        "unsupported operand type(s) for divmod(): '{an}' and '{bn}'"
    )))
}

const POW: Sig = Sig {
    name: "pow",
    params: &["base", "exp", "mod"],
    required: 2,
    positional: 3,
};

fn pow(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let bound = POW.bind(vm, args, kwargs)?;
    let base = bound[0].clone().unwrap_or(Value::None);
    let exp = bound[1].clone().unwrap_or(Value::None);
    let modulus = match bound[2].clone().filter(|m| !m.is_none()) {
        None => return vm.binary_op(&base, &exp, BinOp::Pow),
        Some(m) => m,
    };
    let (Some(b), Some(e), Some(m)) = (
        Vm::to_bigint(&base),
        Vm::to_bigint(&exp),
        Vm::to_bigint(&modulus),
    ) else {
        return Err(
            vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    };
    if m.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let base = if e.is_negative() {
        match mod_inverse(&b, &m) {
            Some(inv) => inv,
            None => return Err(vm.value_error("base is not invertible for the given modulus")),
        }
    } else {
        b
    };
    let result = base.modpow(&e.abs(), &m);
    // num-bigint's result takes the sign of the modulus only when non-zero
    // remainders need it; normalise to Python's convention.
    Ok(Value::from_bigint(result.mod_floor(&m)))
}

/// The inverse of `a` modulo `m` (extended Euclid), if gcd(a, m) == 1.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let m_abs = m.abs();
    let (mut old_r, mut r) = (a.mod_floor(&m_abs), m_abs.clone());
    let (mut old_s, mut s) = (BigInt::one(), BigInt::zero());
    while !r.is_zero() {
        let q = &old_r / &r;
        let next_r = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, next_r);
        let next_s = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, next_s);
    }
    if !old_r.is_one() {
        return None;
    }
    Some(old_s.mod_floor(&m_abs))
}

/// `sum(iterable, /, start=0)`, with fast paths for ints and floats.
fn sum(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    if args.is_empty() {
        return Err(vm.type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    const SUM: Sig = Sig {
        name: "sum",
        params: &["iterable", "start"],
        required: 1,
        positional: 2,
    };
    let bound = SUM.bind(vm, args, kwargs)?;
    let iterable = bound[0].clone().unwrap_or(Value::None);
    let mut acc = bound[1].clone().unwrap_or(Value::Int(0));
    match acc {
        Value::Str(_) => {
            return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"))
        }
        Value::Bytes(_) => {
            return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"))
        }
        _ => {}
    }
    let it = vm.get_iter(&iterable)?;
    while let Some(item) = vm.iter_next(&it)? {
        acc = match (&acc, &item) {
            (Value::Int(a), Value::Int(b)) => match a.checked_add(*b) {
                Some(s) => Value::Int(s),
                None => vm.binary_op(&acc, &item, BinOp::Add)?,
            },
            (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
            (Value::Float(a), Value::Int(b)) => Value::Float(a + *b as f64),
            _ => vm.binary_op(&acc, &item, BinOp::Add)?,
        };
    }
    Ok(acc)
}

/// The integer value of an argument of hex/oct/bin (ints or `__index__`).
fn index_bigint(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match Vm::to_bigint(v) {
        Some(n) => Ok(n),
        None => Ok(BigInt::from(vm.to_index(v)?)),
    }
}

fn hex(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let v = exactly_one(vm, "hex", args, kwargs)?;
    let n = index_bigint(vm, v)?;
    Ok(Value::string(int_to_prefixed(&n, 16)))
}

fn oct(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let v = exactly_one(vm, "oct", args, kwargs)?;
    let n = index_bigint(vm, v)?;
    Ok(Value::string(int_to_prefixed(&n, 8)))
}

fn bin(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let v = exactly_one(vm, "bin", args, kwargs)?;
    let n = index_bigint(vm, v)?;
    Ok(Value::string(int_to_prefixed(&n, 2)))
}

fn chr(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let v = exactly_one(vm, "chr", args, kwargs)?;
    let i = match Vm::to_bigint(v) {
        Some(n) => i64::try_from(n).unwrap_or(i64::MAX),
        None => vm.to_index(v)?,
    };
    if !(0..0x110000).contains(&i) {
        return Err(vm.value_error("chr() arg not in range(0x110000)"));
    }
    match char::from_u32(i as u32) {
        Some(c) => Ok(Value::string(c.to_string())),
        None => Err(vm.value_error(format!(
            "kairos: chr({i:#x}) is a lone surrogate, which kairos strings cannot hold"
        ))),
    }
}

fn ord(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let v = exactly_one(vm, "ord", args, kwargs)?;
    match v {
        Value::Str(s) => {
            let mut chars = s.as_str().chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.len()
                ))),
            }
        }
        Value::Bytes(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
        Value::Bytes(b) => Err(vm.type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        ))),
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(format!("ord() expected string of length 1, but {tn} found")))
        }
    }
}
