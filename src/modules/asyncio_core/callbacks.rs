//! A future's done callbacks. As CPython's C Future keeps them, the first
//! is a field of its own (`_callback0`) and only later ones are in a list
//! (`_callbacks`): most futures only ever get one, and a list is two
//! allocations. A task's wakeup is stored as the task alone.

use std::any::Any;
use std::rc::Rc;

use super::{field, instance, with_registry};
use crate::value::Value;
use crate::vm::objects::{BoundMethod, Instance, KwArgs, NativeObject};
use crate::vm::{PyResult, Vm};

/// A task's wakeup (`task.task_wakeup`) as the fast path adds it: where a
/// bound method would be one more object per waiting task. Python sees it
/// as that bound method (`visible`).
struct TaskWakeup {
    task: Value,
}

impl NativeObject for TaskWakeup {
    fn type_name(&self) -> &'static str {
        "method"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub(super) fn task_wakeup(task: Value) -> Value {
    Value::Native(Rc::new(TaskWakeup { task }))
}

/// The task a callback wakes up, if it is a task's wakeup.
pub(super) fn woken_task(callback: &Value) -> Option<Value> {
    match callback {
        Value::Native(n) => n
            .as_any()
            .downcast_ref::<TaskWakeup>()
            .map(|w| w.task.clone()),
        Value::BoundMethod(m) if with_registry(|r| m.func.is(&r.task_wakeup)) => {
            Some(m.self_value.clone())
        }
        _ => None,
    }
}

/// A callback as Python code sees it.
fn visible(callback: &Value) -> Value {
    let Value::Native(n) = callback else {
        return callback.clone();
    };
    match n.as_any().downcast_ref::<TaskWakeup>() {
        Some(wakeup) => Value::BoundMethod(Rc::new(BoundMethod {
            func: with_registry(|r| r.task_wakeup.clone()),
            self_value: wakeup.task.clone(),
        })),
        None => callback.clone(),
    }
}

/// Appends a done callback.
pub(super) fn push(fut: &Instance, callback: Value) {
    let more = field(fut, "_callbacks");
    if more.is_none() && field(fut, "_callback0").is_none() {
        fut.set_attr("_callback0", callback);
        return;
    }
    match more {
        Value::List(list) => list.borrow_mut().push(callback),
        _ => fut.set_attr("_callbacks", Value::list(vec![callback])),
    }
}

/// The done callbacks in the order they were added.
fn all(fut: &Instance) -> Vec<Value> {
    let first = field(fut, "_callback0");
    let mut all: Vec<Value> = std::iter::once(first).filter(|c| !c.is_none()).collect();
    if let Value::List(more) = field(fut, "_callbacks") {
        all.extend(more.borrow().iter().cloned());
    }
    all
}

/// Takes the done callbacks (the future finished), in order.
pub(super) fn take(fut: &Instance) -> Vec<Value> {
    let all = all(fut);
    if !all.is_empty() {
        fut.set_attr("_callback0", Value::None);
        fut.set_attr("_callbacks", Value::None);
    }
    all
}

/// Removes every callback equal to `target` (as Python compares it); how
/// many it removed.
pub(super) fn remove(vm: &mut Vm, fut: &Instance, target: &Value) -> PyResult<i64> {
    let mut removed = 0;
    let first = field(fut, "_callback0");
    if !first.is_none() && vm.eq(&visible(&first), target)? {
        fut.set_attr("_callback0", Value::None);
        removed += 1;
    }
    if let Value::List(more) = field(fut, "_callbacks") {
        let listed = more.borrow().clone();
        let mut kept = Vec::with_capacity(listed.len());
        for callback in listed {
            if vm.eq(&visible(&callback), target)? {
                removed += 1;
            } else {
                kept.push(callback);
            }
        }
        *more.borrow_mut() = kept;
    }
    Ok(removed)
}

/// `future_callbacks(fut)`: a list of the done callbacks (for reprs).
pub(super) fn future_callbacks(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let Some(future) = args.first() else {
        return Err(vm.type_error("future_callbacks(future)"));
    };
    let all = all(instance(vm, future, "future")?);
    Ok(Value::list(all.iter().map(visible).collect()))
}
