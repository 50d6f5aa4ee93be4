//! `random`: CPython's Mersenne Twister and its algorithms, so a seeded
//! program draws exactly CPython's numbers (`native::random_mt`).

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::modules::native::random_mt::Random;
use crate::value::Value;
use crate::vm::builtins::native_function;
use crate::vm::objects::{DictObj, KwArgs, NativeFn};
use crate::vm::{PyResult, Vm};

thread_local! {
    /// The module's hidden generator; each run re-seeds it when `random`
    /// is first imported.
    static GENERATOR: RefCell<Random> = RefCell::new(Random::new());
}

fn with_rng<T>(f: impl FnOnce(&mut Random) -> T) -> T {
    GENERATOR.with(|g| f(&mut g.borrow_mut()))
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

fn kwarg<'a>(kw: &'a KwArgs, name: &str) -> Option<&'a Value> {
    kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v)
}

fn seed(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = args
        .first()
        .or_else(|| kwarg(kw, "a"))
        .cloned()
        .unwrap_or(Value::None);
    match &a {
        Value::None => with_rng(|r| r.seed_default()),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            let n = Vm::to_bigint(&a).unwrap_or_default();
            with_rng(|r| r.seed_int(&n));
        }
        Value::Float(f) => with_rng(|r| r.seed_float(*f)),
        Value::Str(s) => with_rng(|r| r.seed_bytes(s.as_str().as_bytes())),
        Value::Bytes(b) => with_rng(|r| r.seed_bytes(b)),
        _ => {
            return Err(vm.type_error(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
            ))
        }
    }
    Ok(Value::None)
}

fn random(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Float(with_rng(|r| r.random())))
}

fn randint(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "Random.randint() missing {} required positional argument{}",
            2 - args.len().min(2),
            if args.len() == 1 {
                ": 'b'"
            } else {
                "s: 'a' and 'b'"
            }
        )));
    }
    let a = int_arg(vm, &args[0])?;
    let b = int_arg(vm, &args[1])?;
    with_rng(|r| r.randint(&a, &b))
        .map(Value::from_bigint)
        .map_err(|e| vm.native_error(e))
}

fn randrange(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let Some(first) = args.first() else {
        return Err(
            vm.type_error("Random.randrange() missing 1 required positional argument: 'start'")
        );
    };
    let start = int_arg(vm, first)?;
    let stop = match args.get(1) {
        Some(Value::None) | None => None,
        Some(v) => Some(int_arg(vm, v)?),
    };
    let step = match args.get(2) {
        Some(v) => Some(int_arg(vm, v)?),
        None => None,
    };
    with_rng(|r| r.randrange(&start, stop.as_ref(), step.as_ref()))
        .map(Value::from_bigint)
        .map_err(|e| vm.native_error(e))
}

fn choice(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let seq = args.first().cloned().unwrap_or(Value::None);
    let len = vm.len(&seq)?;
    if len == 0 {
        return Err(vm.new_error(
            crate::vm::exceptions::ExcKind::IndexError,
            "Cannot choose from an empty sequence",
        ));
    }
    let i = with_rng(|r| r.choice_index(len)).map_err(|e| vm.native_error(e))?;
    vm.getitem(&seq, &Value::Int(i as i64))
}

fn shuffle(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    match args.first() {
        Some(Value::List(l)) => {
            with_rng(|r| r.shuffle(&mut l.borrow_mut()));
            Ok(Value::None)
        }
        Some(other) => Err(vm.type_error(format!(
            "'{}' object does not support item assignment",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error("Random.shuffle() missing 1 required positional argument: 'x'")),
    }
}

fn sample(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let population = args.first().cloned().unwrap_or(Value::None);
    let Some(k) = args.get(1).or_else(|| kwarg(kw, "k")).cloned() else {
        return Err(vm.type_error("Random.sample() missing 1 required positional argument: 'k'"));
    };
    if matches!(
        population,
        Value::Set(_) | Value::FrozenSet(_) | Value::Dict(_)
    ) {
        return Err(
            vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).")
        );
    }
    let items = vm.collect_iterable(&population)?;
    let k = vm.to_index(&k)?;
    let indices = match kwarg(kw, "counts").cloned() {
        Some(counts) if !counts.is_none() => {
            let counts = vm.collect_iterable(&counts)?;
            let counts: Vec<i64> = counts
                .iter()
                .map(|c| vm.to_index(c))
                .collect::<PyResult<_>>()?;
            with_rng(|r| r.sample_counts_indices(&counts, k))
        }
        _ => with_rng(|r| r.sample_indices(items.len(), k)),
    }
    .map_err(|e| vm.native_error(e))?;
    Ok(Value::list(
        indices
            .into_iter()
            .filter_map(|i| items.get(i).cloned())
            .collect(),
    ))
}

fn choices(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let population = args.first().cloned().unwrap_or(Value::None);
    let items = vm.collect_iterable(&population)?;
    let to_floats = |vm: &mut Vm, v: Option<Value>| -> PyResult<Option<Vec<f64>>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) => {
                let xs = vm.collect_iterable(&v)?;
                Ok(Some(
                    xs.iter().map(|x| vm.to_f64(x)).collect::<PyResult<_>>()?,
                ))
            }
        }
    };
    let weights = to_floats(vm, args.get(1).or_else(|| kwarg(kw, "weights")).cloned())?;
    let cum = to_floats(vm, kwarg(kw, "cum_weights").cloned())?;
    let k = match kwarg(kw, "k") {
        Some(k) => vm.to_index(k)?,
        None => 1,
    };
    let indices =
        with_rng(|r| r.choices_indices(items.len(), weights.as_deref(), cum.as_deref(), k))
            .map_err(|e| vm.native_error(e))?;
    Ok(Value::list(
        indices
            .into_iter()
            .filter_map(|i| items.get(i).cloned())
            .collect(),
    ))
}

fn floats2(vm: &mut Vm, args: &[Value], defaults: (f64, f64)) -> PyResult<(f64, f64)> {
    let a = match args.first() {
        Some(v) => vm.to_f64(v)?,
        None => defaults.0,
    };
    let b = match args.get(1) {
        Some(v) => vm.to_f64(v)?,
        None => defaults.1,
    };
    Ok((a, b))
}

fn uniform(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (a, b) = floats2(vm, args, (0.0, 1.0))?;
    Ok(Value::Float(with_rng(|r| r.uniform(a, b))))
}

fn triangular(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (low, high) = floats2(vm, args, (0.0, 1.0))?;
    let mode = match args.get(2) {
        Some(Value::None) | None => None,
        Some(v) => Some(vm.to_f64(v)?),
    };
    Ok(Value::Float(with_rng(|r| r.triangular(low, high, mode))))
}

fn gauss(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (mu, sigma) = floats2(vm, args, (0.0, 1.0))?;
    with_rng(|r| r.gauss(mu, sigma))
        .map(Value::Float)
        .map_err(|e| vm.native_error(e))
}

fn normalvariate(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (mu, sigma) = floats2(vm, args, (0.0, 1.0))?;
    with_rng(|r| r.normalvariate(mu, sigma))
        .map(Value::Float)
        .map_err(|e| vm.native_error(e))
}

fn expovariate(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (lambd, _) = floats2(vm, args, (1.0, 0.0))?;
    with_rng(|r| r.expovariate(lambd))
        .map(Value::Float)
        .map_err(|e| vm.native_error(e))
}

fn getrandbits(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let k = match args.first() {
        Some(v) => vm.to_index(v)?,
        None => return Err(vm.type_error("getrandbits() takes exactly one argument (0 given)")),
    };
    with_rng(|r| r.getrandbits(k))
        .map(Value::from_bigint)
        .map_err(|e| vm.native_error(e))
}

pub fn init(_vm: &mut Vm, ns: &Rc<DictObj>) -> PyResult<()> {
    with_rng(|r| r.seed_default());
    let functions: [(&'static str, NativeFn); 14] = [
        ("seed", seed),
        ("random", random),
        ("randint", randint),
        ("randrange", randrange),
        ("choice", choice),
        ("shuffle", shuffle),
        ("sample", sample),
        ("choices", choices),
        ("uniform", uniform),
        ("triangular", triangular),
        ("gauss", gauss),
        ("normalvariate", normalvariate),
        ("expovariate", expovariate),
        ("getrandbits", getrandbits),
    ];
    for (name, f) in functions {
        ns.set_str(name, native_function(name, name.to_owned(), f));
    }
    Ok(())
}
