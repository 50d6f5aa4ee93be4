//! The loop's timers (`loop._scheduled`): a heap ordered by due time, then
//! by scheduling order (timers due at the same instant fire in the order
//! they were set), and the timer `asyncio.sleep` sets.
//!
//! CPython keeps a list of TimerHandles as a heap. Here an entry is a time,
//! a sequence number and the timer, with no tuple around it; and `sleep`'s
//! timer is a small native instead of a TimerHandle with an argument tuple,
//! since nobody but `sleep` ever sees it.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::rc::Rc;

use super::{field, instance, is_true, state_is};
use crate::value::Value;
use crate::vm::objects::{Instance, KwArgs, NativeObject};
use crate::vm::{PyResult, Vm};

/// CPython drops cancelled timers from the heap once this many are
/// scheduled and more than half of them are cancelled.
const MIN_SCHEDULED_TIMER_HANDLES: usize = 100;

#[derive(Default)]
pub(super) struct TimerHeap {
    entries: RefCell<BinaryHeap<Entry>>,
    /// Timers scheduled so far, for the order of those due together.
    scheduled: Cell<u64>,
    /// Cancelled timers still in the heap (`_timer_cancelled_count`).
    cancelled: Cell<usize>,
}

impl NativeObject for TimerHeap {
    fn type_name(&self) -> &'static str {
        "TimerHeap"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

struct Entry {
    when: f64,
    sequence: u64,
    timer: Timer,
}

/// `BinaryHeap` pops the greatest: the entry due first is the greatest.
impl Ord for Entry {
    fn cmp(&self, other: &Entry) -> Ordering {
        other
            .when
            .total_cmp(&self.when)
            .then(other.sequence.cmp(&self.sequence))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Entry) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Entry) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Entry {}

#[derive(Clone)]
enum Timer {
    /// A TimerHandle from `call_at`/`call_later`.
    Handle(Rc<Instance>),
    Sleep(Rc<SleepTimer>),
}

impl Timer {
    fn cancelled(&self) -> bool {
        match self {
            Timer::Handle(handle) => is_true(&field(handle, "_cancelled")),
            Timer::Sleep(sleep) => sleep.cancelled.get(),
        }
    }

    /// The timer left the heap.
    fn unscheduled(&self) {
        match self {
            Timer::Handle(handle) => handle.set_attr("_scheduled", Value::Bool(false)),
            Timer::Sleep(sleep) => sleep.scheduled.set(false),
        }
    }

    /// What the ready queue runs when the timer is due.
    fn into_ready(self) -> Value {
        match self {
            Timer::Handle(handle) => Value::Instance(handle),
            Timer::Sleep(sleep) => Value::Native(sleep),
        }
    }
}

/// `asyncio.sleep`'s timer: when due, gives the sleep's future its result
/// unless the future or the timer was cancelled meanwhile (CPython:
/// `call_at(when, _set_result_unless_cancelled, future, result)`).
pub(super) struct SleepTimer {
    future: Rc<Instance>,
    result: Value,
    cancelled: Cell<bool>,
    scheduled: Cell<bool>,
}

impl NativeObject for SleepTimer {
    fn type_name(&self) -> &'static str {
        "TimerHandle"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl SleepTimer {
    /// Runs the due timer (from the ready queue).
    pub(super) fn fire(&self, vm: &mut Vm) -> PyResult<()> {
        if self.cancelled.get() {
            return Ok(());
        }
        if state_is(&self.future, "PENDING") {
            let future = Value::Instance(self.future.clone());
            super::future::finish(vm, &future, self.result.clone())?;
        }
        Ok(())
    }
}

impl TimerHeap {
    fn push(&self, when: f64, timer: Timer) {
        let sequence = self.scheduled.get() + 1;
        self.scheduled.set(sequence);
        let entry = Entry {
            when,
            sequence,
            timer,
        };
        self.entries.borrow_mut().push(entry);
    }

    /// A timer still in the heap was cancelled.
    fn note_cancelled(&self) {
        self.cancelled.set(self.cancelled.get() + 1);
    }

    /// When the first timer is due.
    pub(super) fn first(&self) -> Option<f64> {
        self.entries.borrow().peek().map(|entry| entry.when)
    }

    /// Drops cancelled timers: all of them when they are most of a large
    /// heap, else those at its head (`BaseEventLoop._run_once`).
    pub(super) fn drop_cancelled(&self) {
        let mut entries = self.entries.borrow_mut();
        let cancelled = self.cancelled.get();
        if entries.len() > MIN_SCHEDULED_TIMER_HANDLES && 2 * cancelled > entries.len() {
            let all = std::mem::take(&mut *entries).into_vec();
            let (dropped, kept): (Vec<Entry>, Vec<Entry>) =
                all.into_iter().partition(|entry| entry.timer.cancelled());
            *entries = BinaryHeap::from(kept);
            drop(entries);
            dropped.iter().for_each(|entry| entry.timer.unscheduled());
            self.cancelled.set(0);
            return;
        }
        let mut head_cancelled = Vec::new();
        while entries.peek().is_some_and(|entry| entry.timer.cancelled()) {
            head_cancelled.extend(entries.pop().map(|entry| entry.timer));
        }
        drop(entries);
        self.cancelled
            .set(cancelled.saturating_sub(head_cancelled.len()));
        head_cancelled.iter().for_each(Timer::unscheduled);
    }

    /// Takes the timers due before `end_time` off the heap, first due
    /// first, as what the ready queue is to run.
    pub(super) fn take_due(&self, end_time: f64) -> Vec<Value> {
        let mut due = Vec::new();
        loop {
            let mut entries = self.entries.borrow_mut();
            if !entries
                .peek()
                .is_some_and(|entry| due_by(entry.when, end_time))
            {
                break;
            }
            let Some(entry) = entries.pop() else { break };
            drop(entries);
            entry.timer.unscheduled();
            due.push(entry.timer.into_ready());
        }
        due
    }
}

/// Whether a timer for `when` is due by `end_time`. As CPython's loop stops
/// at the first `handle._when >= end_time`, a NaN time is due (it would
/// otherwise stay at the head forever, and the loop with it).
fn due_by(when: f64, end_time: f64) -> bool {
    !matches!(
        when.partial_cmp(&end_time),
        Some(Ordering::Greater | Ordering::Equal)
    )
}

/// Runs `f` on the heap of `loop._scheduled`.
pub(super) fn with_heap<T>(
    vm: &mut Vm,
    loop_: &Instance,
    f: impl FnOnce(&TimerHeap) -> T,
) -> PyResult<T> {
    let heap = field(loop_, "_scheduled");
    Ok(f(heap_arg(vm, Some(&heap))?))
}

fn heap_arg<'a>(vm: &mut Vm, value: Option<&'a Value>) -> PyResult<&'a TimerHeap> {
    match value {
        Some(Value::Native(heap)) => match heap.as_any().downcast_ref::<TimerHeap>() {
            Some(heap) => Ok(heap),
            None => Err(vm.type_error("expected the loop's TimerHeap")),
        },
        _ => Err(vm.type_error("expected the loop's TimerHeap")),
    }
}

/// `timer_heap()`: an empty heap for `loop._scheduled`.
pub(super) fn timer_heap(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Native(Rc::new(TimerHeap::default())))
}

/// `timer_push(heap, when, handle)`: schedules a TimerHandle.
pub(super) fn timer_push(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let heap = heap_arg(vm, args.first())?;
    let (Some(when), Some(Value::Instance(handle))) = (args.get(1), args.get(2)) else {
        return Err(vm.type_error("timer_push(heap, when, handle)"));
    };
    let when = vm.to_f64(when)?;
    heap.push(when, Timer::Handle(handle.clone()));
    Ok(Value::None)
}

/// `timer_cancelled(heap)`: a scheduled TimerHandle was cancelled.
pub(super) fn timer_cancelled(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let heap = heap_arg(vm, args.first())?;
    heap.note_cancelled();
    Ok(Value::None)
}

/// `first_timer(heap)`: when the first timer is due, or None.
pub(super) fn first_timer(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let heap = heap_arg(vm, args.first())?;
    Ok(heap.first().map_or(Value::None, Value::Float))
}

/// `drop_cancelled_timers(heap)`.
pub(super) fn drop_cancelled_timers(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    heap_arg(vm, args.first())?.drop_cancelled();
    Ok(Value::None)
}

/// `due_timers(heap, end_time)`: the timers due before `end_time`, taken
/// off the heap, for the ready queue.
pub(super) fn due_timers(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let heap = heap_arg(vm, args.first())?;
    let Some(end_time) = args.get(1) else {
        return Err(vm.type_error("due_timers(heap, end_time)"));
    };
    let end_time = vm.to_f64(end_time)?;
    Ok(Value::list(heap.take_due(end_time)))
}

/// `sleep_timer(loop, when, future, result)`: sets `sleep`'s timer.
pub(super) fn sleep_timer(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let [loop_, when, Value::Instance(future), result] = args else {
        return Err(vm.type_error("sleep_timer(loop, when, future, result)"));
    };
    let when = vm.to_f64(when)?;
    let timer = Rc::new(SleepTimer {
        future: future.clone(),
        result: result.clone(),
        cancelled: Cell::new(false),
        scheduled: Cell::new(true),
    });
    let loop_ = instance(vm, loop_, "loop")?;
    with_heap(vm, loop_, |heap| {
        heap.push(when, Timer::Sleep(timer.clone()))
    })?;
    Ok(Value::Native(timer))
}

/// `cancel_sleep(loop, timer)`: `sleep` ended before its timer fired.
pub(super) fn cancel_sleep(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let [loop_, Value::Native(timer)] = args else {
        return Err(vm.type_error("cancel_sleep(loop, timer)"));
    };
    let Some(timer) = timer.as_any().downcast_ref::<SleepTimer>() else {
        return Err(vm.type_error("cancel_sleep(loop, timer)"));
    };
    if timer.cancelled.replace(true) || !timer.scheduled.get() {
        return Ok(Value::None);
    }
    let loop_ = instance(vm, loop_, "loop")?;
    with_heap(vm, loop_, TimerHeap::note_cancelled)?;
    Ok(Value::None)
}
