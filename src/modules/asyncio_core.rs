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
//! * `future_await(fut)` is `Future.__await__`: an iterator object instead
//!   of a generator frame for every `await fut`.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::value::Value;
use crate::vm::builtins::native_function;
use crate::vm::exceptions::{ExcKind, PyErr};
use crate::vm::generators::{GenResult, Resume, YieldOnce};
use crate::vm::interp::Delegation;
use crate::vm::objects::{
    BoundMethod, DictObj, GenKind, Instance, KwArgs, NativeFn, NativeObject, TypeObj,
};
use crate::vm::{PyResult, Vm};

/// The classes and functions of the Python side the fast paths must
/// recognise, registered by `_asyncio_tasks` once Task is defined.
struct Registry {
    future_class: Rc<TypeObj>,
    task_wakeup: Value,
    handle_class: Value,
}

thread_local! {
    static REGISTRY: RefCell<Option<Rc<Registry>>> = const { RefCell::new(None) };
}

fn registry() -> Option<Rc<Registry>> {
    REGISTRY.with(|r| r.borrow().clone())
}

/// `register(Future, Task.task_wakeup, Handle)`.
fn register(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let [Value::Type(future_class), task_wakeup, handle_class] = args else {
        return Err(vm.type_error("register(Future, Task.task_wakeup, Handle)"));
    };
    let registry = Registry {
        future_class: future_class.clone(),
        task_wakeup: task_wakeup.clone(),
        handle_class: handle_class.clone(),
    };
    REGISTRY.with(|r| *r.borrow_mut() = Some(Rc::new(registry)));
    Ok(Value::None)
}

/// Whether `inst`'s class still has Future's own `name` method (the fast
/// paths reproduce that method, not an override).
fn has_future_method(registry: &Registry, inst: &Instance, name: &str) -> bool {
    match (inst.class.lookup(name), registry.future_class.lookup(name)) {
        (Some(a), Some(b)) => a.is(&b),
        _ => false,
    }
}

/// A task step waiting in the ready queue (CPython: a Handle for
/// `Task.__step` or `Task.__wakeup`): the exception to throw in, or the
/// future whose outcome decides it.
struct TaskStep {
    task: Value,
    exc: Option<Value>,
    wakeup: Option<Value>,
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

/// An attribute of an instance as Python reads it when no descriptor is
/// involved: its own dict first, then its class.
fn field(inst: &Instance, name: &str) -> Value {
    if let Some(v) = inst.dict.borrow().get(name) {
        return v.clone();
    }
    inst.class.lookup(name).unwrap_or(Value::None)
}

fn set_field(inst: &Instance, name: &str, value: Value) {
    inst.set_attr(name, value);
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
    let step = TaskStep {
        task,
        exc,
        wakeup: None,
    };
    enqueue(vm, loop_, Value::Native(Rc::new(step)))
}

/// Appends an entry to `loop._ready`, as `call_soon` does.
fn enqueue(vm: &mut Vm, loop_: &Value, step: Value) -> PyResult<()> {
    let loop_inst = instance(vm, loop_, "loop")?;
    if field(loop_inst, "_closed").is(&Value::Bool(true)) {
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
            if !wait_on_future(task, &inst, &loop_, &awaited) {
                call_method(vm, task, "_suspend_on", vec![awaited]).map(|_| false)
            } else {
                Ok(false)
            }
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

/// The task yielded `awaited`: when it is a pending Future of this loop
/// (not an override of one) that `await` just marked as blocking, adds the
/// task's wakeup to its callbacks, as `Task._suspend_on` would. False:
/// not that case, `_suspend_on` decides.
fn wait_on_future(task: &Value, inst: &Instance, loop_: &Rc<Instance>, awaited: &Value) -> bool {
    let (Some(registry), Value::Instance(fut)) = (registry(), awaited) else {
        return false;
    };
    let plain = has_future_method(&registry, fut, "add_done_callback")
        && has_future_method(&registry, fut, "get_loop");
    if !plain
        || awaited.is(task)
        || !field(fut, "_asyncio_future_blocking").is(&Value::Bool(true))
        || !matches!(field(fut, "_loop"), Value::Instance(l) if Rc::ptr_eq(&l, loop_))
        || !matches!(field(fut, "_state"), Value::Str(s) if s.as_str() == "PENDING")
        || !field(inst, "_must_cancel").is(&Value::Bool(false))
    {
        return false;
    }
    let Value::List(callbacks) = field(fut, "_callbacks") else {
        return false;
    };
    fut.set_attr("_asyncio_future_blocking", Value::Bool(false));
    callbacks
        .borrow_mut()
        .push(Value::BoundMethod(Rc::new(BoundMethod {
            func: registry.task_wakeup.clone(),
            self_value: task.clone(),
        })));
    inst.set_attr("_fut_waiter", awaited.clone());
    true
}

/// `schedule_callbacks(fut)`: queues the callbacks of a future that just
/// finished, in order, and empties its list (`Future._schedule_callbacks`).
fn schedule_callbacks(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let Some(future) = args.first() else {
        return Err(vm.type_error("schedule_callbacks(future)"));
    };
    let fut = instance(vm, future, "future")?;
    let callbacks = match field(fut, "_callbacks") {
        Value::List(list) => std::mem::take(&mut *list.borrow_mut()),
        _ => return Ok(Value::None),
    };
    if callbacks.is_empty() {
        return Ok(Value::None);
    }
    fut.set_attr("_callbacks", Value::list(Vec::new()));
    let loop_ = field(fut, "_loop");
    let wakeup = registry().map(|r| r.task_wakeup.clone());
    for callback in callbacks {
        let entry: Rc<dyn NativeObject> = match (&callback, &wakeup) {
            (Value::BoundMethod(m), Some(w)) if m.func.is(w) => Rc::new(TaskStep {
                task: m.self_value.clone(),
                exc: None,
                wakeup: Some(future.clone()),
            }),
            _ => Rc::new(Callback {
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
fn wakeup_exception(vm: &mut Vm, future: &Value) -> PyResult<Option<Value>> {
    let fut = instance(vm, future, "future")?;
    let plain = registry().is_some_and(|r| has_future_method(&r, fut, "result"));
    if plain {
        if let Value::Str(state) = field(fut, "_state") {
            if state.as_str() == "FINISHED" {
                fut.set_attr("_log_traceback", Value::Bool(false));
                let exc = field(fut, "_exception");
                return Ok((!exc.is_none()).then_some(exc));
            }
        }
    }
    match call_method(vm, future, "result", vec![]) {
        Ok(_) => Ok(None),
        Err(PyErr::Raise(e)) => Ok(Some(e)),
        Err(other) => Err(other),
    }
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
            let exc = match &step.wakeup {
                Some(future) => wakeup_exception(vm, future)?,
                None => step.exc.clone(),
            };
            return match step_task(vm, &step.task, exc) {
                Err(PyErr::Raise(e)) if !is_fatal(vm, &e) => {
                    call_method(vm, &step.task, "_report_step_error", vec![e]).map(|_| ())
                }
                other => other,
            };
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

/// A queued done callback raised: reported as its Handle would report it.
fn report_callback_error(vm: &mut Vm, func: &Value, future: &Value, exc: Value) -> PyResult<()> {
    let Some(registry) = registry() else {
        return Err(PyErr::Raise(exc));
    };
    let loop_ = match future {
        Value::Instance(fut) => field(fut, "_loop"),
        _ => Value::None,
    };
    let args = Value::tuple(vec![future.clone()]);
    let handle = vm.call(&registry.handle_class, vec![func.clone(), args, loop_], &[])?;
    call_method(vm, &handle, "_report", vec![exc]).map(|_| ())
}

/// `run_ready(loop, todo)`: runs the batch `todo` taken from `loop._ready`.
/// If one raises out of the loop, the rest go back in front of the queue.
fn run_ready(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let [loop_, Value::List(todo)] = args else {
        return Err(vm.type_error("run_ready(loop, todo: list)"));
    };
    let entries = std::mem::take(&mut *todo.borrow_mut());
    run_batch(vm, loop_, entries)?;
    Ok(Value::None)
}

fn run_batch(vm: &mut Vm, loop_: &Value, entries: Vec<Value>) -> PyResult<()> {
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
    Ok(())
}

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
        let plain = registry().is_some_and(|r| has_future_method(&r, fut, "result"));
        let finished = matches!(field(fut, "_state"), Value::Str(s) if s.as_str() == "FINISHED");
        if plain && finished && field(fut, "_exception").is_none() {
            fut.set_attr("_log_traceback", Value::Bool(false));
            return Ok(Delegation::Returned(field(fut, "_result")));
        }
        call_method(vm, &self.future, "result", vec![]).map(Delegation::Returned)
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

fn is_true(v: &Value) -> bool {
    v.is(&Value::Bool(true))
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
fn run_until_stopped(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
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

fn timer_heap(vm: &mut Vm, loop_: &Instance) -> PyResult<crate::modules::heapq::List> {
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
        crate::modules::heapq::heapify_min(vm, &kept)?;
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
                    crate::modules::heapq::pop_min(vm, &scheduled)?;
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
        crate::modules::heapq::pop_min(vm, &scheduled)?;
        timer.set_attr("_scheduled", Value::Bool(false));
        ready.borrow_mut().push(Value::Instance(timer));
    }

    let todo = std::mem::take(&mut *ready.borrow_mut());
    loop_.set_attr("_ready", Value::list(Vec::new()));
    run_batch(vm, loop_value, todo)
}

/// `yield_once()`: an awaitable that suspends its task once, yielding
/// `None` to the loop (`await sleep(0)`).
fn yield_once(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(YieldOnce::value())
}

pub fn init(_vm: &mut Vm, ns: &Rc<DictObj>) -> PyResult<()> {
    let functions: [(&'static str, NativeFn); 8] = [
        ("run_until_stopped", run_until_stopped),
        ("register", register),
        ("schedule_callbacks", schedule_callbacks),
        ("future_await", future_await),
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
