//! `_random`: CPython's Mersenne Twister and its algorithms
//! (`native::random_mt`), as functions over an explicit generator handle.
//! `random.py` builds `random.Random` on them; the module functions are the
//! bound methods of a hidden instance, as in CPython. Arguments come
//! positionally, already matched to the method's signature by random.py.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::modules::native::random_mt::Random;
use crate::value::Value;
use crate::vm::exceptions::ExcKind;
use crate::vm::objects::{DictObj, KwArgs, NativeFn, NativeObject};
use crate::vm::{PyResult, Vm};

/// The state of one `random.Random` instance.
pub struct Generator {
    rng: RefCell<Random>,
}

impl NativeObject for Generator {
    fn type_name(&self) -> &'static str {
        "_random.Generator"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Runs `f` on the generator passed as the first argument.
fn with_rng<T>(vm: &mut Vm, args: &[Value], f: impl FnOnce(&mut Random) -> T) -> PyResult<T> {
    if let Some(Value::Native(n)) = args.first() {
        if let Some(g) = n.as_any().downcast_ref::<Generator>() {
            return Ok(f(&mut g.rng.borrow_mut()));
        }
    }
    Err(vm.type_error("_random functions take a generator first"))
}

/// Argument `i` after the generator (None when absent).
fn arg(args: &[Value], i: usize) -> Value {
    args.get(i + 1).cloned().unwrap_or(Value::None)
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match Vm::to_bigint(v) {
        Some(n) => Ok(n),
        None => match v {
            Value::Float(f) if f.fract() == 0.0 => Ok(BigInt::from(*f as i64)),
            _ => Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            ))),
        },
    }
}

fn float_arg(vm: &mut Vm, args: &[Value], i: usize) -> PyResult<f64> {
    vm.to_f64(&arg(args, i))
}

fn optional_floats(vm: &mut Vm, v: Value) -> PyResult<Option<Vec<f64>>> {
    if v.is_none() {
        return Ok(None);
    }
    let xs = vm.collect_iterable(&v)?;
    Ok(Some(
        xs.iter().map(|x| vm.to_f64(x)).collect::<PyResult<_>>()?,
    ))
}

fn new(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Native(Rc::new(Generator {
        rng: RefCell::new(Random::new()),
    })))
}

/// `seed(g, a)`.
fn seed(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    match arg(args, 0) {
        Value::None => with_rng(vm, args, |r| r.seed_default())?,
        a @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => {
            let n = Vm::to_bigint(&a).unwrap_or_default();
            with_rng(vm, args, |r| r.seed_int(&n))?
        }
        Value::Float(f) => with_rng(vm, args, |r| r.seed_float(f))?,
        Value::Str(s) => with_rng(vm, args, |r| r.seed_bytes(s.as_str().as_bytes()))?,
        Value::Bytes(b) => with_rng(vm, args, |r| r.seed_bytes(&b))?,
        _ => {
            return Err(vm.type_error(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
            ))
        }
    }
    Ok(Value::None)
}

/// `getstate(g)`: (the 624 state words and the position, gauss's spare value).
fn getstate(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (words, index, gauss_next) = with_rng(vm, args, |r| r.state())?;
    let mut internal: Vec<Value> = words
        .into_iter()
        .map(|w| Value::Int(i64::from(w)))
        .collect();
    internal.push(Value::Int(index as i64));
    let gauss_next = gauss_next.map_or(Value::None, Value::Float);
    Ok(Value::tuple(vec![Value::tuple(internal), gauss_next]))
}

/// `setstate(g, internal_state, gauss_next)`.
fn setstate(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let internal = arg(args, 0);
    if !matches!(internal, Value::Tuple(_)) {
        return Err(vm.type_error("state vector must be a tuple"));
    }
    let items = vm.collect_iterable(&internal)?;
    let mut numbers = Vec::with_capacity(items.len());
    for item in &items {
        let n = int_arg(vm, item)?;
        numbers.push(u64::try_from(n).map_err(|_| {
            vm.new_error(
                ExcKind::OverflowError,
                "Python int too large to convert to C unsigned long",
            )
        })?);
    }
    let gauss_next = match arg(args, 1) {
        Value::None => None,
        v => Some(vm.to_f64(&v)?),
    };
    with_rng(vm, args, |r| r.set_state(&numbers, gauss_next))?.map_err(|e| vm.native_error(e))?;
    Ok(Value::None)
}

fn random(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Float(with_rng(vm, args, |r| r.random())?))
}

/// `randint(g, a, b)`.
fn randint(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let a = int_arg(vm, &arg(args, 0))?;
    let b = int_arg(vm, &arg(args, 1))?;
    with_rng(vm, args, |r| r.randint(&a, &b))?
        .map(Value::from_bigint)
        .map_err(|e| vm.native_error(e))
}

/// `randrange(g, start, stop, step)` (stop None: one-argument form).
fn randrange(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let start = int_arg(vm, &arg(args, 0))?;
    let stop = match arg(args, 1) {
        Value::None => None,
        v => Some(int_arg(vm, &v)?),
    };
    let step = int_arg(vm, &arg(args, 2))?;
    with_rng(vm, args, |r| {
        r.randrange(&start, stop.as_ref(), Some(&step))
    })?
    .map(Value::from_bigint)
    .map_err(|e| vm.native_error(e))
}

/// `choice(g, seq)`.
fn choice(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let seq = arg(args, 0);
    let len = vm.len(&seq)?;
    let i = with_rng(vm, args, |r| r.choice_index(len))?.map_err(|e| vm.native_error(e))?;
    vm.getitem(&seq, &Value::Int(i as i64))
}

/// `shuffle(g, x)`.
fn shuffle(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    match arg(args, 0) {
        Value::List(l) => {
            with_rng(vm, args, |r| r.shuffle(&mut l.borrow_mut()))?;
            Ok(Value::None)
        }
        other => Err(vm.type_error(format!(
            "'{}' object does not support item assignment",
            vm.type_name(&other)
        ))),
    }
}

/// `sample(g, population, k, counts)`.
fn sample(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let population = arg(args, 0);
    if matches!(
        population,
        Value::Set(_) | Value::FrozenSet(_) | Value::Dict(_)
    ) {
        return Err(
            vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).")
        );
    }
    let items = vm.collect_iterable(&population)?;
    let k = vm.to_index(&arg(args, 1))?;
    let indices = match arg(args, 2) {
        Value::None => with_rng(vm, args, |r| r.sample_indices(items.len(), k))?,
        counts => {
            let counts = vm.collect_iterable(&counts)?;
            let counts: Vec<i64> = counts
                .iter()
                .map(|c| vm.to_index(c))
                .collect::<PyResult<_>>()?;
            with_rng(vm, args, |r| r.sample_counts_indices(&counts, k))?
        }
    }
    .map_err(|e| vm.native_error(e))?;
    Ok(Value::list(
        indices
            .into_iter()
            .filter_map(|i| items.get(i).cloned())
            .collect(),
    ))
}

/// `choices(g, population, weights, cum_weights, k)`.
fn choices(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let items = vm.collect_iterable(&arg(args, 0))?;
    let weights = optional_floats(vm, arg(args, 1))?;
    let cum = optional_floats(vm, arg(args, 2))?;
    let k = vm.to_index(&arg(args, 3))?;
    let indices = with_rng(vm, args, |r| {
        r.choices_indices(items.len(), weights.as_deref(), cum.as_deref(), k)
    })?
    .map_err(|e| vm.native_error(e))?;
    Ok(Value::list(
        indices
            .into_iter()
            .filter_map(|i| items.get(i).cloned())
            .collect(),
    ))
}

/// `uniform(g, a, b)`.
fn uniform(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (a, b) = (float_arg(vm, args, 0)?, float_arg(vm, args, 1)?);
    Ok(Value::Float(with_rng(vm, args, |r| r.uniform(a, b))?))
}

/// `triangular(g, low, high, mode)`.
fn triangular(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (low, high) = (float_arg(vm, args, 0)?, float_arg(vm, args, 1)?);
    let mode = match arg(args, 2) {
        Value::None => None,
        v => Some(vm.to_f64(&v)?),
    };
    Ok(Value::Float(with_rng(vm, args, |r| {
        r.triangular(low, high, mode)
    })?))
}

fn getrandbits(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let k = vm.to_index(&arg(args, 0))?;
    with_rng(vm, args, |r| r.getrandbits(k))?
        .map(Value::from_bigint)
        .map_err(|e| vm.native_error(e))
}

fn randbytes(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let n = vm.to_index(&arg(args, 0))?;
    let bytes = with_rng(vm, args, |r| r.randbytes(n))?.map_err(|e| vm.native_error(e))?;
    Ok(Value::Bytes(bytes.into()))
}

/// A distribution of one float parameter: `name(g, x)`.
fn distribution1(
    vm: &mut Vm,
    args: &[Value],
    f: fn(&mut Random, f64) -> crate::modules::native::NativeResult<f64>,
) -> PyResult<Value> {
    let x = float_arg(vm, args, 0)?;
    with_rng(vm, args, |r| f(r, x))?
        .map(Value::Float)
        .map_err(|e| vm.native_error(e))
}

/// A distribution of two float parameters: `name(g, x, y)`.
fn distribution2(
    vm: &mut Vm,
    args: &[Value],
    f: fn(&mut Random, f64, f64) -> crate::modules::native::NativeResult<f64>,
) -> PyResult<Value> {
    let (x, y) = (float_arg(vm, args, 0)?, float_arg(vm, args, 1)?);
    with_rng(vm, args, |r| f(r, x, y))?
        .map(Value::Float)
        .map_err(|e| vm.native_error(e))
}

fn gauss(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    distribution2(vm, args, Random::gauss)
}

fn normalvariate(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    distribution2(vm, args, Random::normalvariate)
}

fn lognormvariate(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    distribution2(vm, args, Random::lognormvariate)
}

fn vonmisesvariate(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    distribution2(vm, args, Random::vonmisesvariate)
}

fn gammavariate(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    distribution2(vm, args, Random::gammavariate)
}

fn betavariate(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    distribution2(vm, args, Random::betavariate)
}

fn weibullvariate(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    distribution2(vm, args, Random::weibullvariate)
}

fn expovariate(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    distribution1(vm, args, Random::expovariate)
}

fn paretovariate(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    distribution1(vm, args, Random::paretovariate)
}

pub fn init(_vm: &mut Vm, ns: &Rc<DictObj>) -> PyResult<()> {
    let functions: [(&'static str, NativeFn); 24] = [
        ("new", new),
        ("seed", seed),
        ("getstate", getstate),
        ("setstate", setstate),
        ("random", random),
        ("randint", randint),
        ("randrange", randrange),
        ("choice", choice),
        ("shuffle", shuffle),
        ("sample", sample),
        ("choices", choices),
        ("uniform", uniform),
        ("triangular", triangular),
        ("getrandbits", getrandbits),
        ("randbytes", randbytes),
        ("gauss", gauss),
        ("normalvariate", normalvariate),
        ("lognormvariate", lognormvariate),
        ("vonmisesvariate", vonmisesvariate),
        ("gammavariate", gammavariate),
        ("betavariate", betavariate),
        ("weibullvariate", weibullvariate),
        ("expovariate", expovariate),
        ("paretovariate", paretovariate),
    ];
    crate::modules::add_functions(ns, &functions);
    Ok(())
}
