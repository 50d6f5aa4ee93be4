//! The ready queue: task steps and done callbacks queued without Handles,
//! and the batch runner.

use std::any::Any;
use std::rc::Rc;

use super::{call_method, field, has_future_method, instance, is_fatal, is_true, with_registry};
use crate::value::Value;
use crate::vm::exceptions::{ExcKind, PyErr};
use crate::vm::objects::{KwArgs, NativeObject};
use crate::vm::{PyResult, Vm};

/// A task step waiting in the ready queue (CPython: a Handle for
/// `Task.__step` or `Task.__wakeup`).
struct TaskStep {
    task: Value,
    input: StepInput,
}

/// What the step resumes the task's coroutine with.
enum StepInput {
    Send,
    Throw(Value),
    /// The outcome of this future, which the task waited on.
    WakeUp(Value),
}

/// A done callback waiting in the ready queue (a Handle nobody sees).
struct Callback {
    func: Value,
    future: Value,
}

impl NativeObject for Callback {
    fn type_name(&self) -> &'static str {
        "Callback"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl NativeObject for TaskStep {
    fn type_name(&self) -> &'static str {
        "TaskStep"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub(super) fn queue_step(
    vm: &mut Vm,
    loop_: &Value,
    task: Value,
    exc: Option<Value>,
) -> PyResult<()> {
    let input = match exc {
        Some(exc) => StepInput::Throw(exc),
        None => StepInput::Send,
    };
    let step = TaskStep { task, input };
    enqueue(vm, loop_, Value::Native(Rc::new(step)))
}

/// Appends an entry to `loop._ready`, as `call_soon` does.
fn enqueue(vm: &mut Vm, loop_: &Value, step: Value) -> PyResult<()> {
    let loop_inst = instance(vm, loop_, "loop")?;
    if is_true(&field(loop_inst, "_closed")) {
        return Err(vm.new_error(ExcKind::RuntimeError, "Event loop is closed"));
    }
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
pub(super) fn schedule_step(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let [loop_, task, rest @ ..] = args else {
        return Err(vm.type_error("schedule_step(loop, task, exc=None)"));
    };
    let exc = rest.first().filter(|e| !e.is_none()).cloned();
    queue_step(vm, loop_, task.clone(), exc)?;
    Ok(Value::None)
}

/// `schedule_callbacks(fut)`: queues the callbacks of a future that just
/// finished, in order, and empties its list (`Future._schedule_callbacks`).
pub(super) fn schedule_callbacks(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let Some(future) = args.first() else {
        return Err(vm.type_error("schedule_callbacks(future)"));
    };
    let fut = instance(vm, future, "future")?;
    let callbacks = super::callbacks::take(fut);
    if callbacks.is_empty() {
        return Ok(Value::None);
    }
    let loop_ = field(fut, "_loop");
    for callback in callbacks {
        let entry: Rc<dyn NativeObject> = match super::callbacks::woken_task(&callback) {
            Some(task) => Rc::new(TaskStep {
                task,
                input: StepInput::WakeUp(future.clone()),
            }),
            None => Rc::new(Callback {
                func: callback,
                future: future.clone(),
            }),
        };
        enqueue(vm, &loop_, Value::Native(entry))?;
    }
    Ok(Value::None)
}

/// What a task woken by `future` gets thrown in: `future.result()`'s
/// exception, or None (`Task.task_wakeup`).
/// As CPython's wakeup, a plain Future's outcome is read directly; an
/// override of `result` is called.
fn wakeup_exception(vm: &mut Vm, future: &Value) -> PyResult<Option<Value>> {
    let fut = instance(vm, future, "future")?;
    let result = if has_future_method(fut, "result") {
        super::future::outcome(vm, future)
    } else {
        call_method(vm, future, "result", vec![])
    };
    match result {
        Ok(_) => Ok(None),
        Err(PyErr::Raise(e)) => Ok(Some(e)),
        Err(other) => Err(other),
    }
}

/// Runs one queued entry: a task step, or a Handle unless cancelled.
/// Exceptions other than SystemExit/KeyboardInterrupt go to the loop's
/// exception handler (`Handle._report`), as `Handle._run` does.
fn run_entry(vm: &mut Vm, entry: &Value) -> PyResult<()> {
    if let Value::Native(n) = entry {
        if let Some(step) = n.as_any().downcast_ref::<TaskStep>() {
            let exc = match &step.input {
                StepInput::Send => None,
                StepInput::Throw(exc) => Some(exc.clone()),
                StepInput::WakeUp(future) => wakeup_exception(vm, future)?,
            };
            return match super::step::step_task(vm, &step.task, exc) {
                Err(PyErr::Raise(e)) if !is_fatal(vm, &e) => {
                    call_method(vm, &step.task, "_report_step_error", vec![e]).map(|_| ())
                }
                other => other,
            };
        }
        if let Some(timer) = n.as_any().downcast_ref::<super::timers::SleepTimer>() {
            return timer.fire(vm);
        }
        if let Some(callback) = n.as_any().downcast_ref::<Callback>() {
            return match vm.call(&callback.func, vec![callback.future.clone()], &[]) {
                Err(PyErr::Raise(e)) if !is_fatal(vm, &e) => {
                    report_callback_error(vm, &callback.func, &callback.future, e)
                }
                other => other.map(|_| ()),
            };
        }
    }
    let handle = instance(vm, entry, "handle")?;
    if is_true(&field(handle, "_cancelled")) {
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

/// A queued done callback raised: reported as its Handle would report it.
fn report_callback_error(vm: &mut Vm, func: &Value, future: &Value, exc: Value) -> PyResult<()> {
    let handle_class = with_registry(|r| r.handle_class.clone());
    let loop_ = match future {
        Value::Instance(fut) => field(fut, "_loop"),
        _ => Value::None,
    };
    let args = Value::tuple(vec![future.clone()]);
    let handle = vm.call(&handle_class, vec![func.clone(), args, loop_], &[])?;
    call_method(vm, &handle, "_report", vec![exc]).map(|_| ())
}

/// `run_ready(loop, todo)`: runs the batch `todo` taken from `loop._ready`.
/// If one raises out of the loop, the rest go back in front of the queue.
pub(super) fn run_ready(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let [loop_, Value::List(todo)] = args else {
        return Err(vm.type_error("run_ready(loop, todo: list)"));
    };
    let entries = std::mem::take(&mut *todo.borrow_mut());
    run_batch(vm, loop_, entries)?;
    Ok(Value::None)
}

pub(super) fn run_batch(vm: &mut Vm, loop_: &Value, entries: Vec<Value>) -> PyResult<()> {
    // Each entry is dropped once run: a batch can hold every task of the
    // program, and their steps should not outlive it.
    let mut entries = entries.into_iter();
    while let Some(entry) = entries.next() {
        if let Err(e) = run_entry(vm, &entry) {
            let loop_inst = instance(vm, loop_, "loop")?;
            let mut rest: Vec<Value> = entries.collect();
            if let Value::List(ready) = field(loop_inst, "_ready") {
                rest.extend(ready.borrow().iter().cloned());
            }
            loop_inst.set_attr("_ready", Value::list(rest));
            return Err(e);
        }
    }
    Ok(())
}
