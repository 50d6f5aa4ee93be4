//! `_asyncio_core`: the hot path of asyncio's event loop in Rust.
//!
//! Task, Future and the loop stay Python classes (`py/_asyncio_*.py`), which
//! keep every rare path: cancellation, errors, tracing, subclasses. What
//! runs for every task switch is here instead, as CPython keeps it in C:
//!
//! * `schedule_step(loop, task, exc)` queues a task step on `loop._ready`
//!   without creating a `Handle` (nobody can see or cancel that handle);
//! * `run_ready(loop, todo)` runs one batch of ready callbacks and steps;
//! * a step resumes the task's coroutine directly; when it yields `None`
//!   (a bare `sleep(0)`) it queues the next step, when it yields a pending
//!   Future it adds the task's wakeup to the future's callbacks; every
//!   other outcome (completion, an exception, a bad yield) and every step
//!   the fast path does not cover (a pending cancellation, `--trace`, a
//!   task not in the plain pending state) goes to Task's Python methods;
//! * `schedule_callbacks(fut)` queues a finished future's callbacks, a
//!   task's wakeup as a task step that reads the future's outcome;
//! * `run_until_stopped(loop, threads)` is `run_forever`'s loop of
//!   `_run_once` while there are no simulated threads and no `--trace`;
//! * Future's own methods (`__init__`, `done`, `result`, `set_result`,
//!   ...) are natives, and `__await__` an iterator object instead of a
//!   generator frame for every `await fut`.

mod callbacks;
mod future;
mod queue;
mod run;
mod step;
mod task;
mod timers;

use std::cell::RefCell;
use std::rc::Rc;

use crate::value::Value;
use crate::vm::builtins::native_function;
use crate::vm::exceptions::ExcKind;
use crate::vm::generators::YieldOnce;
use crate::vm::objects::{DictObj, Instance, KwArgs, NativeFn, TypeObj};
use crate::vm::{PyResult, Vm};

/// The classes and functions of the Python side the fast paths must
/// recognise or call, registered by `_asyncio_futures` and `_asyncio_tasks`.
struct Registry {
    future_class: Option<Rc<TypeObj>>,
    invalid_state_error: Value,
    get_event_loop: Value,
    task_wakeup: Value,
    handle_class: Value,
    iscoroutine: Value,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = const {
        RefCell::new(Registry {
            future_class: None,
            invalid_state_error: Value::None,
            get_event_loop: Value::None,
            task_wakeup: Value::None,
            handle_class: Value::None,
            iscoroutine: Value::None,
        })
    };
}

fn with_registry<T>(f: impl FnOnce(&Registry) -> T) -> T {
    REGISTRY.with(|r| f(&r.borrow()))
}

/// `register_future(Future, InvalidStateError, get_event_loop)`.
fn register_future(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let [Value::Type(future_class), invalid_state_error, get_event_loop] = args else {
        return Err(vm.type_error("register_future(Future, InvalidStateError, get_event_loop)"));
    };
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        r.future_class = Some(future_class.clone());
        r.invalid_state_error = invalid_state_error.clone();
        r.get_event_loop = get_event_loop.clone();
    });
    Ok(Value::None)
}

/// `register_task(Task.task_wakeup, Handle, iscoroutine)`.
fn register_task(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let [task_wakeup, handle_class, iscoroutine] = args else {
        return Err(vm.type_error("register_task(Task.task_wakeup, Handle, iscoroutine)"));
    };
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        r.task_wakeup = task_wakeup.clone();
        r.handle_class = handle_class.clone();
        r.iscoroutine = iscoroutine.clone();
    });
    Ok(Value::None)
}

/// Whether `inst`'s class still has Future's own `name` method (the fast
/// paths reproduce that method, not an override).
fn has_future_method(inst: &Instance, name: &str) -> bool {
    with_registry(|r| {
        let Some(future_class) = &r.future_class else {
            return false;
        };
        match (inst.class.lookup(name), future_class.lookup(name)) {
            (Some(a), Some(b)) => a.is(&b),
            _ => false,
        }
    })
}

/// An attribute of an instance as Python reads it when no descriptor is
/// involved: its own dict first, then its class.
fn field(inst: &Instance, name: &str) -> Value {
    inst.attr(name)
        .or_else(|| inst.class.lookup(name))
        .unwrap_or(Value::None)
}

/// Whether a `_state` field holds `state` (`'PENDING'`, ...).
fn state_is(inst: &Instance, state: &str) -> bool {
    matches!(field(inst, "_state"), Value::Str(s) if s.as_str() == state)
}

fn is_true(v: &Value) -> bool {
    v.is(&Value::Bool(true))
}

fn instance<'a>(vm: &mut Vm, v: &'a Value, what: &str) -> PyResult<&'a Rc<Instance>> {
    match v {
        Value::Instance(inst) => Ok(inst),
        _ => Err(vm.type_error(format!("{what} must be an asyncio object"))),
    }
}

/// `obj.name(*args)` for a method defined in Python.
fn call_method(vm: &mut Vm, obj: &Value, name: &str, args: Vec<Value>) -> PyResult<Value> {
    let method = vm.getattr(obj, name)?;
    vm.call(&method, args, &[])
}

fn is_fatal(vm: &Vm, exc: &Value) -> bool {
    vm.is_exc_kind(exc, ExcKind::SystemExit) || vm.is_exc_kind(exc, ExcKind::KeyboardInterrupt)
}

/// `task_done(loop)`: a task of `loop` finished (`Task._finished`).
fn task_done(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let Some(loop_) = args.first() else {
        return Err(vm.type_error("task_done(loop)"));
    };
    step::forget_finished(instance(vm, loop_, "loop")?);
    Ok(Value::None)
}

/// `yield_once()`: an awaitable that suspends its task once, yielding
/// `None` to the loop (`await sleep(0)`).
fn yield_once(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(YieldOnce::value())
}

pub fn init(_vm: &mut Vm, ns: &Rc<DictObj>) -> PyResult<()> {
    let functions: [(&'static str, NativeFn); 18] = [
        ("timer_heap", timers::timer_heap),
        ("timer_push", timers::timer_push),
        ("timer_cancelled", timers::timer_cancelled),
        ("first_timer", timers::first_timer),
        ("drop_cancelled_timers", timers::drop_cancelled_timers),
        ("due_timers", timers::due_timers),
        ("sleep_timer", timers::sleep_timer),
        ("cancel_sleep", timers::cancel_sleep),
        ("future_callbacks", callbacks::future_callbacks),
        ("register_future", register_future),
        ("register_task", register_task),
        ("schedule_step", queue::schedule_step),
        ("schedule_callbacks", queue::schedule_callbacks),
        ("run_ready", queue::run_ready),
        ("run_until_stopped", run::run_until_stopped),
        ("step", step::step),
        ("yield_once", yield_once),
        ("task_done", task_done),
    ];
    crate::modules::add_functions(ns, &functions);
    for (export, name, f) in future::METHODS {
        ns.set_str(export, native_function(name, format!("Future.{name}"), f));
    }
    let init = native_function("__init__", "Task.__init__".to_owned(), task::task_init);
    ns.set_str("task_init", init);
    Ok(())
}
