//! `_asyncio_core`: the hot path of asyncio's event loop in Rust.
//!
//! Task, Future and the loop stay Python classes (`py/_asyncio_*.py`), which
//! keep every rare path: cancellation, errors, tracing, subclasses. What
//! runs for every task switch is here instead, as CPython keeps it in C:
//!
//! * `schedule_step(loop, task, exc)` queues a task step on `loop._ready`
//!   without creating a `Handle` (nobody can see or cancel that handle);
//! * `run_ready(loop, todo)` runs one batch of ready callbacks and steps;
//! * a step resumes the task's coroutine directly and, when it yields
//!   `None` (a bare `sleep(0)`), queues the next step; every other outcome
//!   (a future to wait on, completion, an exception) and every step the
//!   fast path does not cover (a pending cancellation, `--trace`, a task
//!   not in the plain pending state) goes to the Python methods of Task.

use std::any::Any;
use std::rc::Rc;

use crate::value::Value;
use crate::vm::builtins::native_function;
use crate::vm::exceptions::{ExcKind, PyErr};
use crate::vm::generators::{GenResult, Resume, YieldOnce};
use crate::vm::objects::{DictObj, GenKind, Instance, KwArgs, NativeFn, NativeObject};
use crate::vm::{PyResult, Vm};

/// A task step waiting in the ready queue (CPython: a Handle for
/// `Task.__step`), with the exception to throw in, if any.
struct TaskStep {
    task: Value,
    exc: Option<Value>,
}

impl NativeObject for TaskStep {
    fn type_name(&self) -> &'static str {
        "TaskStep"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// An attribute of an instance as Python reads it when no descriptor is
/// involved: its own dict first, then its class.
fn field(inst: &Instance, name: &str) -> Value {
    if let Some(v) = inst.dict.borrow().get(name) {
        return v.clone();
    }
    inst.class.lookup(name).unwrap_or(Value::None)
}

fn set_field(inst: &Instance, name: &str, value: Value) {
    let mut dict = inst.dict.borrow_mut();
    match dict.get_mut(name) {
        Some(slot) => *slot = value,
        None => {
            dict.insert(name.into(), value);
        }
    }
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

fn queue_step(vm: &mut Vm, loop_: &Value, task: Value, exc: Option<Value>) -> PyResult<()> {
    let loop_inst = instance(vm, loop_, "loop")?;
    if field(loop_inst, "_closed").is(&Value::Bool(true)) {
        return Err(vm.new_error(ExcKind::RuntimeError, "Event loop is closed"));
    }
    let step = Value::Native(Rc::new(TaskStep { task, exc }));
    match field(loop_inst, "_ready") {
        Value::List(ready) => {
            ready.borrow_mut().push(step);
            Ok(())
        }
        other => {
            let append = vm.getattr(&other, "append")?;
            vm.call(&append, vec![step], &[]).map(|_| ())
        }
    }
}

/// `schedule_step(loop, task, exc=None)`: `loop.call_soon(task._step, exc)`.
fn schedule_step(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let [loop_, task, rest @ ..] = args else {
        return Err(vm.type_error("schedule_step(loop, task, exc=None)"));
    };
    let exc = rest.first().filter(|e| !e.is_none()).cloned();
    queue_step(vm, loop_, task.clone(), exc)?;
    Ok(Value::None)
}

/// `step(task, exc=None)`: one step of a task (its `_step`).
fn step(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let Some(task) = args.first() else {
        return Err(vm.type_error("step(task, exc=None)"));
    };
    let exc = args.get(1).filter(|e| !e.is_none()).cloned();
    step_task(vm, task, exc)?;
    Ok(Value::None)
}

/// The coroutine of a task the fast path can step, with the task's loop.
fn fast_path(vm: &Vm, task: &Instance) -> Option<(Value, Rc<Instance>)> {
    if vm.observer.is_some() || !field(task, "_must_cancel").is(&Value::Bool(false)) {
        return None;
    }
    match field(task, "_state") {
        Value::Str(s) if s.as_str() == "PENDING" => {}
        _ => return None,
    }
    let coro = field(task, "_coro");
    if !matches!(&coro, Value::Generator(g) if g.kind == GenKind::Coroutine) {
        return None;
    }
    let Value::Instance(loop_) = field(task, "_loop") else {
        return None;
    };
    if !field(&loop_, "_current_task").is_none() {
        return None;
    }
    Some((coro, loop_))
}

fn step_task(vm: &mut Vm, task: &Value, exc: Option<Value>) -> PyResult<()> {
    let inst = instance(vm, task, "task")?.clone();
    let Some((Value::Generator(coro), loop_)) = fast_path(vm, &inst) else {
        let exc = exc.unwrap_or(Value::None);
        return call_method(vm, task, "_step", vec![exc]).map(|_| ());
    };
    set_field(&inst, "_fut_waiter", Value::None);
    set_field(&loop_, "_current_task", task.clone());
    set_field(&inst, "_started", Value::Bool(true));
    let input = match exc {
        None => Resume::Send(Value::None),
        Some(e) => Resume::Throw(e),
    };
    let outcome = match vm.resume_generator(&coro, input) {
        Ok(GenResult::Yield(Value::None)) => {
            queue_step(vm, &Value::Instance(loop_.clone()), task.clone(), None).map(|_| false)
        }
        Ok(GenResult::Yield(awaited) | GenResult::AsyncYield(awaited)) => {
            call_method(vm, task, "_suspend_on", vec![awaited]).map(|_| false)
        }
        Ok(GenResult::Return(value)) => {
            call_method(vm, task, "_step_done", vec![Value::Bool(true), value]).map(|_| true)
        }
        Err(PyErr::Raise(error)) => {
            match call_method(
                vm,
                task,
                "_step_done",
                vec![Value::Bool(false), error.clone()],
            ) {
                Ok(Value::Bool(true)) => Err(PyErr::Raise(error)),
                Ok(_) => Ok(true),
                Err(e) => Err(e),
            }
        }
        Err(other) => Err(other),
    };
    if field(&loop_, "_current_task").is(task) {
        set_field(&loop_, "_current_task", Value::None);
    }
    let ended = match &outcome {
        Ok(ended) => *ended,
        Err(_) => !matches!(field(&inst, "_state"), Value::Str(s) if s.as_str() == "PENDING"),
    };
    if ended {
        call_method(vm, task, "_finished", vec![])?;
    }
    outcome.map(|_| ())
}

fn is_fatal(vm: &Vm, exc: &Value) -> bool {
    vm.is_exc_kind(exc, ExcKind::SystemExit) || vm.is_exc_kind(exc, ExcKind::KeyboardInterrupt)
}

/// Runs one queued entry: a task step, or a Handle unless cancelled.
/// Exceptions other than SystemExit/KeyboardInterrupt go to the loop's
/// exception handler (`Handle._report`), as `Handle._run` does.
fn run_entry(vm: &mut Vm, entry: &Value) -> PyResult<()> {
    if let Value::Native(n) = entry {
        if let Some(step) = n.as_any().downcast_ref::<TaskStep>() {
            return match step_task(vm, &step.task, step.exc.clone()) {
                Err(PyErr::Raise(e)) if !is_fatal(vm, &e) => {
                    call_method(vm, &step.task, "_report_step_error", vec![e]).map(|_| ())
                }
                other => other,
            };
        }
    }
    let handle = instance(vm, entry, "handle")?;
    if field(handle, "_cancelled").is(&Value::Bool(true)) {
        return Ok(());
    }
    let callback = field(handle, "_callback");
    let args = match field(handle, "_args") {
        Value::Tuple(items) => items.to_vec(),
        other => vm.collect_iterable(&other)?,
    };
    match vm.call(&callback, args, &[]) {
        Err(PyErr::Raise(e)) if !is_fatal(vm, &e) => {
            call_method(vm, entry, "_report", vec![e]).map(|_| ())
        }
        other => other.map(|_| ()),
    }
}

/// `run_ready(loop, todo)`: runs the batch `todo` taken from `loop._ready`.
/// If one raises out of the loop, the rest go back in front of the queue.
fn run_ready(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let [loop_, Value::List(todo)] = args else {
        return Err(vm.type_error("run_ready(loop, todo: list)"));
    };
    let entries = std::mem::take(&mut *todo.borrow_mut());
    for (index, entry) in entries.iter().enumerate() {
        if let Err(e) = run_entry(vm, entry) {
            let loop_inst = instance(vm, loop_, "loop")?;
            let mut rest = entries[index + 1..].to_vec();
            if let Value::List(ready) = field(loop_inst, "_ready") {
                rest.extend(ready.borrow().iter().cloned());
            }
            set_field(loop_inst, "_ready", Value::list(rest));
            return Err(e);
        }
    }
    Ok(Value::None)
}

/// `yield_once()`: an awaitable that suspends its task once, yielding
/// `None` to the loop (`await sleep(0)`).
fn yield_once(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(YieldOnce::value())
}

pub fn init(_vm: &mut Vm, ns: &Rc<DictObj>) -> PyResult<()> {
    let functions: [(&'static str, NativeFn); 4] = [
        ("schedule_step", schedule_step),
        ("step", step),
        ("run_ready", run_ready),
        ("yield_once", yield_once),
    ];
    for (name, f) in functions {
        ns.set_str(name, native_function(name, name.to_owned(), f));
    }
    Ok(())
}
