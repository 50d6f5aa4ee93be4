//! One step of a task: resuming its coroutine and handling what it yields.

use std::rc::Rc;

use super::queue::queue_step;
use super::{call_method, field, has_future_method, instance, state_is};
use crate::value::Value;
use crate::vm::exceptions::PyErr;
use crate::vm::generators::compact_suspended;
use crate::vm::generators::{GenResult, Resume};
use crate::vm::objects::{GenKind, Instance, KwArgs};
use crate::vm::{PyResult, Vm};

/// `step(task, exc=None)`: one step of a task (its `_step`).
pub(super) fn step(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
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
    if !state_is(task, "PENDING") {
        return None;
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

pub(super) fn step_task(vm: &mut Vm, task: &Value, exc: Option<Value>) -> PyResult<()> {
    let inst = instance(vm, task, "task")?.clone();
    let Some((Value::Generator(coro), loop_)) = fast_path(vm, &inst) else {
        let exc = exc.unwrap_or(Value::None);
        return call_method(vm, task, "_step", vec![exc]).map(|_| ());
    };
    if !field(&inst, "_fut_waiter").is_none() {
        inst.set_attr("_fut_waiter", Value::None);
    }
    // `_started` only tells --trace's events apart, and the fast path
    // never runs under --trace: not stored here.
    loop_.set_attr("_current_task", task.clone());
    let input = match exc {
        None => Resume::Send(Value::None),
        Some(e) => Resume::Throw(e),
    };
    let outcome = match vm.resume_generator(&coro, input) {
        Ok(GenResult::Yield(Value::None)) => {
            queue_step(vm, &Value::Instance(loop_.clone()), task.clone(), None).map(|_| false)
        }
        Ok(GenResult::Yield(awaited) | GenResult::AsyncYield(awaited)) => {
            if !wait_on_future(task, &inst, &loop_, &awaited) {
                call_method(vm, task, "_suspend_on", vec![awaited]).map(|_| false)
            } else {
                compact_suspended(&coro);
                Ok(false)
            }
        }
        Ok(GenResult::Return(value)) if field(&inst, "_must_cancel").is(&Value::Bool(false)) => {
            // Future.set_result on the task (Task's own set_result refuses).
            super::future::finish(vm, task, value).map(|_| true)
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
        loop_.set_attr("_current_task", Value::None);
    }
    let ended = match &outcome {
        Ok(ended) => *ended,
        Err(_) => !state_is(&inst, "PENDING"),
    };
    if ended {
        if vm.observer.is_some() {
            call_method(vm, task, "_finished", vec![])?;
        } else {
            forget_finished(&loop_);
        }
    }
    outcome.map(|_| ())
}

/// A task finished (`Task._finished` calls this too, through
/// `_asyncio_core.task_done`, when it also reports trace events). Finished tasks leave `loop._all_tasks`
/// in batches, once as many have finished as were live at the last pass.
pub(super) fn forget_finished(loop_: &Instance) {
    let finished = match field(loop_, "_finished_since_prune") {
        Value::Int(n) => n + 1,
        _ => 1,
    };
    let live = match field(loop_, "_live_at_prune") {
        Value::Int(n) => n,
        _ => 0,
    };
    if finished <= live.max(64) {
        loop_.set_attr("_finished_since_prune", Value::Int(finished));
        return;
    }
    if let Value::List(all_tasks) = field(loop_, "_all_tasks") {
        let mut tasks = all_tasks.borrow_mut();
        tasks.retain(|task| !matches!(task, Value::Instance(t) if !state_is(t, "PENDING")));
        loop_.set_attr("_live_at_prune", Value::Int(tasks.len() as i64));
    }
    loop_.set_attr("_finished_since_prune", Value::Int(0));
}

/// The task yielded `awaited`: when it is a pending Future of this loop
/// (not an override of one) that `await` just marked as blocking, adds the
/// task's wakeup to its callbacks, as `Task._suspend_on` would. False:
/// not that case, `_suspend_on` decides.
fn wait_on_future(task: &Value, inst: &Instance, loop_: &Rc<Instance>, awaited: &Value) -> bool {
    let Value::Instance(fut) = awaited else {
        return false;
    };
    let plain = has_future_method(fut, "add_done_callback") && has_future_method(fut, "get_loop");
    if !plain
        || awaited.is(task)
        || !field(fut, "_asyncio_future_blocking").is(&Value::Bool(true))
        || !matches!(field(fut, "_loop"), Value::Instance(l) if Rc::ptr_eq(&l, loop_))
        || !state_is(fut, "PENDING")
        || !field(inst, "_must_cancel").is(&Value::Bool(false))
    {
        return false;
    }
    fut.set_attr("_asyncio_future_blocking", Value::Bool(false));
    super::callbacks::push(fut, super::callbacks::task_wakeup(task.clone()));
    inst.set_attr("_fut_waiter", awaited.clone());
    true
}
