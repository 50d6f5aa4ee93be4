//! `math`, on the numerics of `native::mathfns` (CPython's results and errors).

use std::rc::Rc;

use num_bigint::BigInt;

use crate::modules::native::mathfns::{self, Number, Real, UnaryFn};
use crate::value::Value;
use crate::vm::builtins::native_function;
use crate::vm::objects::{DictObj, KwArgs, NativeFn};
use crate::vm::{PyResult, Vm};

fn arg<'a>(vm: &mut Vm, args: &'a [Value], i: usize, fname: &str) -> PyResult<&'a Value> {
    match args.get(i) {
        Some(v) => Ok(v),
        None => Err(vm.type_error(format!(
            "{fname}() missing required argument (pos {})",
            i + 1
        ))),
    }
}

fn float_arg(vm: &mut Vm, args: &[Value], i: usize, fname: &str) -> PyResult<f64> {
    let v = arg(vm, args, i, fname)?.clone();
    vm.to_f64(&v)
}

fn int_arg(vm: &mut Vm, args: &[Value], i: usize, fname: &str) -> PyResult<BigInt> {
    let v = arg(vm, args, i, fname)?.clone();
    match Vm::to_bigint(&v) {
        Some(n) => Ok(n),
        None => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&v)
        ))),
    }
}

/// Unary float functions share one native, found by its own name.
fn unary(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<Value> {
    let x = float_arg(vm, args, 0, name)?;
    let f = UnaryFn::by_name(name).expect("registered from UnaryFn::ALL");
    f.apply(x).map(Value::Float).map_err(|e| vm.native_error(e))
}

macro_rules! unary_natives {
    ($($name:ident),*) => {
        $(fn $name(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
            unary(vm, stringify!($name), args)
        })*
        const UNARY: &[(&str, NativeFn)] = &[$((stringify!($name), $name)),*];
    };
}

unary_natives!(
    acos, acosh, asin, asinh, atan, atanh, cbrt, cos, cosh, erf, erfc, exp, exp2, expm1, fabs,
    gamma, lgamma, log1p, sin, sinh, sqrt, tan, tanh
);

fn rounding(vm: &mut Vm, args: &[Value], fname: &str, round: fn(f64) -> f64) -> PyResult<Value> {
    let v = arg(vm, args, 0, fname)?.clone();
    if let Some(n) = Vm::to_bigint(&v) {
        return Ok(Value::from_bigint(n));
    }
    if let Some(r) = vm.call_dunder(&v, &format!("__{fname}__"), vec![])? {
        return Ok(r);
    }
    let x = vm.to_f64(&v)?;
    mathfns::float_to_int(round(x))
        .map(Value::from_bigint)
        .map_err(|e| vm.native_error(e))
}

fn floor(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    rounding(vm, args, "floor", f64::floor)
}

fn ceil(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    rounding(vm, args, "ceil", f64::ceil)
}

fn trunc(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    rounding(vm, args, "trunc", f64::trunc)
}

fn with_real<T>(vm: &mut Vm, v: &Value, f: impl FnOnce(Real<'_>) -> T) -> PyResult<T> {
    match Vm::to_bigint(v) {
        Some(n) => Ok(f(Real::Int(&n))),
        None => {
            let x = vm.to_f64(v)?;
            Ok(f(Real::Float(x)))
        }
    }
}

fn log(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let x = arg(vm, args, 0, "log")?.clone();
    let result = match args.get(1).cloned() {
        None => with_real(vm, &x, |x| mathfns::log(x, None))?,
        Some(base) => {
            let bx = match Vm::to_bigint(&base) {
                Some(n) => Err(n),
                None => Ok(vm.to_f64(&base)?),
            };
            match bx {
                Ok(b) => with_real(vm, &x, |x| mathfns::log(x, Some(Real::Float(b))))?,
                Err(n) => with_real(vm, &x, |x| mathfns::log(x, Some(Real::Int(&n))))?,
            }
        }
    };
    result.map(Value::Float).map_err(|e| vm.native_error(e))
}

fn log2(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let x = arg(vm, args, 0, "log2")?.clone();
    with_real(vm, &x, mathfns::log2)?
        .map(Value::Float)
        .map_err(|e| vm.native_error(e))
}

fn log10(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let x = arg(vm, args, 0, "log10")?.clone();
    with_real(vm, &x, mathfns::log10)?
        .map(Value::Float)
        .map_err(|e| vm.native_error(e))
}

fn binary(
    vm: &mut Vm,
    args: &[Value],
    fname: &str,
    f: fn(f64, f64) -> crate::modules::native::NativeResult<f64>,
) -> PyResult<Value> {
    let x = float_arg(vm, args, 0, fname)?;
    let y = float_arg(vm, args, 1, fname)?;
    f(x, y).map(Value::Float).map_err(|e| vm.native_error(e))
}

fn pow(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    binary(vm, args, "pow", mathfns::pow)
}

fn atan2(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    binary(vm, args, "atan2", mathfns::atan2)
}

fn copysign(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    binary(vm, args, "copysign", mathfns::copysign)
}

fn fmod(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    binary(vm, args, "fmod", mathfns::fmod)
}

fn remainder(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    binary(vm, args, "remainder", mathfns::remainder)
}

fn floats(vm: &mut Vm, v: &Value) -> PyResult<Vec<f64>> {
    let items = vm.collect_iterable(v)?;
    items.iter().map(|x| vm.to_f64(x)).collect()
}

fn hypot(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let coords: Vec<f64> = args.iter().map(|x| vm.to_f64(x)).collect::<PyResult<_>>()?;
    Ok(Value::Float(mathfns::hypot(&coords)))
}

fn dist(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let p = arg(vm, args, 0, "dist")?.clone();
    let q = arg(vm, args, 1, "dist")?.clone();
    let (p, q) = (floats(vm, &p)?, floats(vm, &q)?);
    mathfns::dist(&p, &q)
        .map(Value::Float)
        .map_err(|e| vm.native_error(e))
}

fn fsum(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let v = arg(vm, args, 0, "fsum")?.clone();
    let xs = floats(vm, &v)?;
    mathfns::fsum(&xs)
        .map(Value::Float)
        .map_err(|e| vm.native_error(e))
}

fn isclose(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = float_arg(vm, args, 0, "isclose")?;
    let b = float_arg(vm, args, 1, "isclose")?;
    let mut rel_tol = 1e-9;
    let mut abs_tol = 0.0;
    for (name, value) in kw {
        match &**name {
            "rel_tol" => rel_tol = vm.to_f64(value)?,
            "abs_tol" => abs_tol = vm.to_f64(value)?,
            other => {
                return Err(vm.type_error(format!(
                    "isclose() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    mathfns::isclose(a, b, rel_tol, abs_tol)
        .map(Value::Bool)
        .map_err(|e| vm.native_error(e))
}

fn degrees(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Float(mathfns::degrees(float_arg(
        vm, args, 0, "degrees",
    )?)))
}

fn radians(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Float(mathfns::radians(float_arg(
        vm, args, 0, "radians",
    )?)))
}

fn isfinite(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(float_arg(vm, args, 0, "isfinite")?.is_finite()))
}

fn isinf(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(float_arg(vm, args, 0, "isinf")?.is_infinite()))
}

fn isnan(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(float_arg(vm, args, 0, "isnan")?.is_nan()))
}

fn modf(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (f, i) = mathfns::modf(float_arg(vm, args, 0, "modf")?);
    Ok(Value::tuple(vec![Value::Float(f), Value::Float(i)]))
}

fn frexp(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (m, e) = mathfns::frexp(float_arg(vm, args, 0, "frexp")?);
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn ldexp(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let x = float_arg(vm, args, 0, "ldexp")?;
    let i = int_arg(vm, args, 1, "ldexp")?;
    mathfns::ldexp(x, &i)
        .map(Value::Float)
        .map_err(|e| vm.native_error(e))
}

fn factorial(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let n = int_arg(vm, args, 0, "factorial")?;
    mathfns::factorial(&n)
        .map(Value::from_bigint)
        .map_err(|e| vm.native_error(e))
}

fn comb(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let n = int_arg(vm, args, 0, "comb")?;
    let k = int_arg(vm, args, 1, "comb")?;
    mathfns::comb(&n, &k)
        .map(Value::from_bigint)
        .map_err(|e| vm.native_error(e))
}

fn perm(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let n = int_arg(vm, args, 0, "perm")?;
    let k = match args.get(1) {
        Some(Value::None) | None => None,
        Some(_) => Some(int_arg(vm, args, 1, "perm")?),
    };
    mathfns::perm(&n, k.as_ref())
        .map(Value::from_bigint)
        .map_err(|e| vm.native_error(e))
}

fn ints(vm: &mut Vm, args: &[Value], fname: &str) -> PyResult<Vec<BigInt>> {
    (0..args.len())
        .map(|i| int_arg(vm, args, i, fname))
        .collect()
}

fn gcd(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let values = ints(vm, args, "gcd")?;
    Ok(Value::from_bigint(mathfns::gcd(&values)))
}

fn lcm(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let values = ints(vm, args, "lcm")?;
    Ok(Value::from_bigint(mathfns::lcm(&values)))
}

fn isqrt(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let n = int_arg(vm, args, 0, "isqrt")?;
    mathfns::isqrt(&n)
        .map(Value::from_bigint)
        .map_err(|e| vm.native_error(e))
}

fn number(vm: &mut Vm, v: &Value) -> PyResult<Number> {
    Ok(match Vm::to_bigint(v) {
        Some(n) => Number::Int(n),
        None => Number::Float(vm.to_f64(v)?),
    })
}

fn prod(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let v = arg(vm, args, 0, "prod")?.clone();
    let items = vm.collect_iterable(&v)?;
    let numbers: Vec<Number> = items
        .iter()
        .map(|x| number(vm, x))
        .collect::<PyResult<_>>()?;
    let start = match kw.iter().find(|(k, _)| &**k == "start") {
        Some((_, s)) => number(vm, s)?,
        None => Number::Int(BigInt::from(1)),
    };
    match mathfns::prod(&numbers, start).map_err(|e| vm.native_error(e))? {
        Number::Int(n) => Ok(Value::from_bigint(n)),
        Number::Float(f) => Ok(Value::Float(f)),
    }
}

pub fn init(_vm: &mut Vm, ns: &Rc<DictObj>) -> PyResult<()> {
    for (name, f) in UNARY {
        ns.set_str(name, native_function(name, (*name).to_owned(), *f));
    }
    let functions: [(&'static str, NativeFn); 30] = [
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("pow", pow),
        ("atan2", atan2),
        ("copysign", copysign),
        ("fmod", fmod),
        ("remainder", remainder),
        ("hypot", hypot),
        ("dist", dist),
        ("fsum", fsum),
        ("isclose", isclose),
        ("degrees", degrees),
        ("radians", radians),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("modf", modf),
        ("frexp", frexp),
        ("ldexp", ldexp),
        ("factorial", factorial),
        ("comb", comb),
        ("perm", perm),
        ("gcd", gcd),
        ("lcm", lcm),
        ("isqrt", isqrt),
        ("prod", prod),
    ];
    crate::modules::add_functions(ns, &functions);
    ns.set_str("pi", Value::Float(std::f64::consts::PI));
    ns.set_str("e", Value::Float(std::f64::consts::E));
    ns.set_str("tau", Value::Float(std::f64::consts::TAU));
    ns.set_str("inf", Value::Float(f64::INFINITY));
    ns.set_str("nan", Value::Float(f64::NAN));
    Ok(())
}
