//! `run_forever`'s iterations: the timer heap, the clock, the ready batch.

use std::rc::Rc;

use super::queue::run_batch;
use super::timers::with_heap;
use super::{call_method, field, instance, is_true};
use crate::value::Value;
use crate::vm::objects::{Instance, KwArgs};
use crate::vm::{PyResult, Vm};

/// `run_until_stopped(loop, threads)`: iterations of the loop (as
/// `_run_once` without threads) until `loop.stop()` or until the list
/// `threads` of simulated threads is not empty any more.
pub(super) fn run_until_stopped(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let [loop_value, Value::List(threads)] = args else {
        return Err(vm.type_error("run_until_stopped(loop, threads: list)"));
    };
    let loop_ = instance(vm, loop_value, "loop")?.clone();
    while threads.borrow().is_empty() {
        run_once(vm, &loop_, loop_value)?;
        if is_true(&field(&loop_, "_stopping")) {
            break;
        }
    }
    Ok(Value::None)
}

/// One iteration: drop cancelled timers, wait (move the clock) for the
/// first timer if nothing is ready, move due timers to the ready queue,
/// run the batch that is ready.
fn run_once(vm: &mut Vm, loop_: &Rc<Instance>, loop_value: &Value) -> PyResult<()> {
    let first = with_heap(vm, loop_, |heap| {
        heap.drop_cancelled();
        heap.first()
    })?;
    let ready = match field(loop_, "_ready") {
        Value::List(list) => list,
        _ => return Err(vm.type_error("the loop's ready queue must be a list")),
    };
    let idle = ready.borrow().is_empty() && !is_true(&field(loop_, "_stopping"));
    if idle {
        match first {
            None => {
                call_method(vm, loop_value, "_deadlock", vec![])?;
            }
            Some(when) => vm.advance_clock_to(when)?,
        }
    }
    let end_time = vm.clock + 1e-9;
    let due = with_heap(vm, loop_, |heap| heap.take_due(end_time))?;
    ready.borrow_mut().extend(due);
    let todo = std::mem::take(&mut *ready.borrow_mut());
    loop_.set_attr("_ready", Value::list(Vec::new()));
    run_batch(vm, loop_value, todo)
}
