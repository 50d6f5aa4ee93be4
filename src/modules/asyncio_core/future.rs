//! Future's hot methods, as CPython's C `_asyncio.Future` has them, and
//! the iterator `await fut` delegates to.

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

use super::{call_method, field, instance, state_is, with_registry};
use crate::value::Value;
use crate::vm::exceptions::{ExcKind, PyErr};
use crate::vm::interp::Delegation;
use crate::vm::objects::{Instance, KwArgs, NativeFn, NativeObject};
use crate::vm::{PyResult, Vm};

/// What `await fut` delegates to (CPython's FutureIter): yields the future
/// once if it is pending, then returns its result.
struct FutureIter {
    future: Value,
    yielded: Cell<bool>,
}

impl NativeObject for FutureIter {
    fn type_name(&self) -> &'static str {
        "FutureIter"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn await_step(&self, vm: &mut Vm, _sent: Value) -> Option<PyResult<Delegation>> {
        Some(self.step(vm))
    }
    fn is_await_iterator(&self) -> bool {
        true
    }
}

impl FutureIter {
    fn step(&self, vm: &mut Vm) -> PyResult<Delegation> {
        let fut = instance(vm, &self.future, "future")?;
        let pending = matches!(field(fut, "_state"), Value::Str(s) if s.as_str() == "PENDING");
        if pending {
            if self.yielded.replace(true) {
                return Err(vm.new_error(ExcKind::RuntimeError, "await wasn't used with future"));
            }
            fut.set_attr("_asyncio_future_blocking", Value::Bool(true));
            return Ok(Delegation::Yielded(self.future.clone()));
        }
        self.yielded.set(true);
        // As CPython's FutureIter: the future's own outcome, whatever a
        // subclass's result() would say.
        outcome(vm, &self.future).map(Delegation::Returned)
    }
}

/// `future_await(fut)`: `Future.__await__` (and `__iter__`).
fn future_await(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let Some(future) = args.first() else {
        return Err(vm.type_error("__await__() needs the future"));
    };
    Ok(Value::Native(Rc::new(FutureIter {
        future: future.clone(),
        yielded: Cell::new(false),
    })))
}

/// Future's methods written here, by the name `_asyncio_core` exports
/// them under and their own name; the Python class takes them from there
/// (`done = _asyncio_core.future_done`, ...).
pub(super) const METHODS: [(&str, &str, NativeFn); 9] = [
    (
        "future_remove_done_callback",
        "remove_done_callback",
        future_remove_done_callback,
    ),
    ("future_init", "__init__", future_init),
    ("future_done", "done", future_done),
    ("future_cancelled", "cancelled", future_cancelled),
    ("future_result", "result", future_result),
    ("future_exception", "exception", future_exception),
    ("future_set_result", "set_result", future_set_result),
    (
        "future_add_done_callback",
        "add_done_callback",
        future_add_done_callback,
    ),
    ("future_await", "__await__", future_await),
];

thread_local! {
    /// `'FINISHED'`, one string for every finished future (as the Python
    /// side's `_FINISHED` constant is).
    static FINISHED: Value = Value::str("FINISHED");
    /// Futures created so far: each gets the next number (`_kairos_seq`),
    /// the order in which unretrieved exceptions are reported.
    static FUTURES_CREATED: Cell<i64> = const { Cell::new(0) };
}

pub(super) fn self_arg<'a>(vm: &mut Vm, args: &'a [Value]) -> PyResult<&'a Rc<Instance>> {
    match args.first() {
        Some(v) => instance(vm, v, "self"),
        None => Err(vm.type_error("a Future method needs self")),
    }
}

fn invalid_state(vm: &mut Vm, message: &str) -> PyErr {
    let class = with_registry(|r| r.invalid_state_error.clone());
    match vm.call(&class, vec![Value::str(message)], &[]) {
        Ok(exc) => PyErr::Raise(exc),
        Err(e) => e,
    }
}

/// The CancelledError a cancelled future raises (`_make_cancelled_error`).
fn cancelled_error(vm: &mut Vm, future: &Value) -> PyErr {
    match call_method(vm, future, "_make_cancelled_error", vec![]) {
        Ok(exc) => PyErr::Raise(exc),
        Err(e) => e,
    }
}

/// `Future.__init__(self, *, loop=None)`.
fn future_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let inst = self_arg(vm, args)?.clone();
    if args.len() > 1 {
        return Err(vm.type_error(format!(
            "Future.__init__() takes 0 positional arguments but {} were given",
            args.len() - 1
        )));
    }
    let mut loop_ = Value::None;
    for (name, value) in kw {
        match &**name {
            "loop" => loop_ = value.clone(),
            other => {
                return Err(vm.type_error(format!(
                    "Future.__init__() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    init_future(vm, &inst, loop_)
}

/// What `Future.__init__` sets up: the loop (the current one by default)
/// and the creation number. Callbacks (`callbacks::push`) start empty.
pub(super) fn init_future(vm: &mut Vm, inst: &Instance, mut loop_: Value) -> PyResult<Value> {
    if loop_.is_none() {
        let get_event_loop = with_registry(|r| r.get_event_loop.clone());
        loop_ = vm.call(&get_event_loop, vec![], &[])?;
    }
    inst.set_attr("_loop", loop_);
    let seq = FUTURES_CREATED.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    inst.set_attr("_kairos_seq", Value::Int(seq));
    Ok(Value::None)
}

fn future_done(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let inst = self_arg(vm, args)?;
    Ok(Value::Bool(!state_is(inst, "PENDING")))
}

fn future_cancelled(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let inst = self_arg(vm, args)?;
    Ok(Value::Bool(state_is(inst, "CANCELLED")))
}

/// `result()`: the result, or the exception raised; CancelledError if
/// cancelled, InvalidStateError if not done yet.
fn future_result(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    self_arg(vm, args)?;
    outcome(vm, &args[0])
}

/// A future's outcome as `Future.result` gives it (CPython's internal
/// `future_get_result`, which overrides of `result` do not change).
pub(super) fn outcome(vm: &mut Vm, future: &Value) -> PyResult<Value> {
    let inst = instance(vm, future, "future")?.clone();
    if state_is(&inst, "CANCELLED") {
        return Err(cancelled_error(vm, future));
    }
    if !state_is(&inst, "FINISHED") {
        return Err(invalid_state(vm, "Result is not set."));
    }
    inst.set_attr("_log_traceback", Value::Bool(false));
    let exception = field(&inst, "_exception");
    if !exception.is_none() {
        return Err(PyErr::Raise(exception));
    }
    Ok(field(&inst, "_result"))
}

fn future_exception(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let inst = self_arg(vm, args)?.clone();
    if state_is(&inst, "CANCELLED") {
        return Err(cancelled_error(vm, &args[0]));
    }
    if !state_is(&inst, "FINISHED") {
        return Err(invalid_state(vm, "Exception is not set."));
    }
    inst.set_attr("_log_traceback", Value::Bool(false));
    Ok(field(&inst, "_exception"))
}

fn future_set_result(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let inst = self_arg(vm, args)?.clone();
    let Some(result) = args.get(1) else {
        return Err(vm.type_error("set_result() missing required argument 'result'"));
    };
    if !state_is(&inst, "PENDING") {
        return Err(invalid_state(vm, "invalid state"));
    }
    finish(vm, &args[0], result.clone())
}

/// A pending future gets its result: FINISHED, callbacks queued.
pub(super) fn finish(vm: &mut Vm, future: &Value, result: Value) -> PyResult<Value> {
    if let Value::Instance(inst) = future {
        inst.set_attr("_result", result);
        inst.set_attr("_state", FINISHED.with(Value::clone));
    }
    super::queue::schedule_callbacks(vm, std::slice::from_ref(future), &[])
}

/// `remove_done_callback(fn)`: removes every callback equal to `fn`; how
/// many it removed.
fn future_remove_done_callback(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let inst = self_arg(vm, args)?.clone();
    let Some(target) = args.get(1) else {
        return Err(vm.type_error("remove_done_callback() missing required argument 'fn'"));
    };
    let removed = super::callbacks::remove(vm, &inst, target)?;
    Ok(Value::Int(removed))
}

/// `add_done_callback(fn, *, context=None)`: run at once (via call_soon)
/// when already done.
fn future_add_done_callback(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let inst = self_arg(vm, args)?.clone();
    let Some(callback) = args.get(1) else {
        return Err(vm.type_error("add_done_callback() missing required argument 'fn'"));
    };
    if !state_is(&inst, "PENDING") {
        let loop_ = field(&inst, "_loop");
        call_method(
            vm,
            &loop_,
            "call_soon",
            vec![callback.clone(), args[0].clone()],
        )?;
        return Ok(Value::None);
    }
    super::callbacks::push(&inst, callback.clone());
    Ok(Value::None)
}
