//! `run_forever`'s iterations: the timer heap, the clock, the ready batch.

use std::cell::RefCell;
use std::rc::Rc;

use super::queue::run_batch;
use super::{call_method, field, instance, is_true};
use crate::modules::heapq;
use crate::value::Value;
use crate::vm::objects::{Instance, KwArgs};
use crate::vm::{PyResult, Vm};

/// CPython drops cancelled timers from the heap once this many are
/// scheduled and more than half of them are cancelled.
const MIN_SCHEDULED_TIMER_HANDLES: usize = 100;

/// The timer of a heap entry `(when, sequence, handle)`.
fn timer_of(entry: &Value) -> Option<Rc<Instance>> {
    match entry {
        Value::Tuple(items) => match items.get(2) {
            Some(Value::Instance(handle)) => Some(handle.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn int_field(inst: &Instance, name: &str) -> i64 {
    match field(inst, name) {
        Value::Int(n) => n,
        _ => 0,
    }
}

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

fn timer_heap(vm: &mut Vm, loop_: &Instance) -> PyResult<heapq::List> {
    match field(loop_, "_scheduled") {
        Value::List(list) => Ok(list),
        _ => Err(vm.type_error("the loop's timer heap must be a list")),
    }
}

/// One iteration: drop cancelled timers, wait (move the clock) for the
/// first timer if nothing is ready, move due timers to the ready queue,
/// run the batch that is ready.
fn run_once(vm: &mut Vm, loop_: &Rc<Instance>, loop_value: &Value) -> PyResult<()> {
    let mut scheduled = timer_heap(vm, loop_)?;
    let cancelled = int_field(loop_, "_timer_cancelled_count");
    let count = scheduled.borrow().len();
    if count > MIN_SCHEDULED_TIMER_HANDLES && cancelled as f64 / count as f64 > 0.5 {
        let mut kept = Vec::with_capacity(count);
        for entry in scheduled.borrow().iter() {
            let Some(timer) = timer_of(entry) else {
                continue;
            };
            if is_true(&field(&timer, "_cancelled")) {
                timer.set_attr("_scheduled", Value::Bool(false));
            } else {
                kept.push(entry.clone());
            }
        }
        let kept = Rc::new(RefCell::new(kept));
        heapq::heapify_min(vm, &kept)?;
        loop_.set_attr("_scheduled", Value::List(kept.clone()));
        loop_.set_attr("_timer_cancelled_count", Value::Int(0));
        scheduled = kept;
    } else {
        let mut cancelled = cancelled;
        loop {
            let head = scheduled.borrow().first().and_then(timer_of);
            match head {
                Some(timer) if is_true(&field(&timer, "_cancelled")) => {
                    cancelled -= 1;
                    heapq::pop_min(vm, &scheduled)?;
                    timer.set_attr("_scheduled", Value::Bool(false));
                }
                _ => break,
            }
        }
        loop_.set_attr("_timer_cancelled_count", Value::Int(cancelled));
    }

    let ready = match field(loop_, "_ready") {
        Value::List(list) => list,
        _ => return Err(vm.type_error("the loop's ready queue must be a list")),
    };
    let idle = ready.borrow().is_empty() && !is_true(&field(loop_, "_stopping"));
    if idle {
        let first = scheduled.borrow().first().and_then(timer_of);
        match first {
            None => {
                call_method(vm, loop_value, "_deadlock", vec![])?;
            }
            Some(timer) => {
                let when = vm.to_f64(&field(&timer, "_when"))?;
                vm.advance_clock_to(when)?;
            }
        }
    }

    let end_time = vm.clock + 1e-9;
    loop {
        let Some(timer) = scheduled.borrow().first().and_then(timer_of) else {
            break;
        };
        if vm.to_f64(&field(&timer, "_when"))? >= end_time {
            break;
        }
        heapq::pop_min(vm, &scheduled)?;
        timer.set_attr("_scheduled", Value::Bool(false));
        ready.borrow_mut().push(Value::Instance(timer));
    }

    let todo = std::mem::take(&mut *ready.borrow_mut());
    loop_.set_attr("_ready", Value::list(Vec::new()));
    run_batch(vm, loop_value, todo)
}
