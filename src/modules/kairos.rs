//! `_kairos`: the natives kairos's Python-written modules stand on — the
//! virtual clock, simulated threads, tracebacks, the deadlock stop and the
//! scheduling observer.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use crate::value::Value;
use crate::vm::call::CallOutcome;
use crate::vm::exceptions::PyErr;
use crate::vm::frame::Frame;
use crate::vm::interp::FrameExit;
use crate::vm::objects::{DictObj, KwArgs, NativeFn, NativeObject};
use crate::vm::{PyResult, Vm};

enum ThreadState {
    NotStarted {
        func: Value,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    },
    /// Blocked in `time.sleep`: its frames, innermost last (boxed, as on
    /// the VM's stack, so suspending moves pointers, not frames).
    #[allow(clippy::vec_box)]
    Sleeping(Vec<Box<Frame>>),
    Running,
    Finished,
}

/// A simulated thread: its own frame stack, run by the event loop.
pub struct SimThread {
    state: RefCell<ThreadState>,
}

impl NativeObject for SimThread {
    fn type_name(&self) -> &'static str {
        "kairos_thread"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn clock(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Float(vm.clock))
}

fn set_clock(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let t = match args.first() {
        Some(v) => vm.to_f64(v)?,
        None => return Err(vm.type_error("set_clock() takes exactly one argument")),
    };
    vm.advance_clock_to(t)?;
    Ok(Value::None)
}

impl Vm {
    /// Moves the virtual clock forward (never back), within the time limit.
    pub fn advance_clock_to(&mut self, t: f64) -> PyResult<()> {
        if t > self.clock {
            if t > self.limits.max_virtual_time {
                return Err(PyErr::Fatal {
                    report: format!(
                        "kairos: the program ran past {}s of virtual time (--max-virtual-time); stopped",
                        self.limits.max_virtual_time
                    ),
                    status: 3,
                });
            }
            self.clock = t;
        }
        Ok(())
    }

    /// `time.sleep(d)`: suspends a simulated thread; anywhere else the whole
    /// program blocks while the clock advances.
    pub fn blocking_sleep(&mut self, seconds: f64) -> PyResult<Value> {
        if seconds.is_nan() || seconds < 0.0 {
            return Err(self.value_error("sleep length must be non-negative"));
        }
        let wake = self.clock + seconds;
        if self.thread_depth == Some(self.native_depth) {
            return Err(PyErr::Suspend(wake));
        }
        self.advance_clock_to(wake)?;
        Ok(Value::None)
    }
}

fn sleep(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let d = match args.first() {
        Some(v) => vm.to_f64(v)?,
        None => return Err(vm.type_error("sleep() takes exactly one argument (0 given)")),
    };
    vm.blocking_sleep(d)
}

fn spawn_thread(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let func = args.first().cloned().unwrap_or(Value::None);
    let fargs = match args.get(1) {
        Some(v) => vm.collect_iterable(v)?,
        None => Vec::new(),
    };
    let kwargs = match args.get(2) {
        Some(Value::Dict(d)) => vm.dict_to_kwargs(d)?,
        _ => Vec::new(),
    };
    Ok(Value::Native(Rc::new(SimThread {
        state: RefCell::new(ThreadState::NotStarted {
            func,
            args: fargs,
            kwargs,
        }),
    })))
}

/// Runs a simulated thread until it sleeps or ends:
/// `("sleep", wake_time)`, `("done", value)` or `("raised", exc)`.
fn run_thread(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let Some(Value::Native(n)) = args.first() else {
        return Err(vm.type_error("run_thread() expects a thread"));
    };
    let n = n.clone();
    let Some(thread) = n.as_any().downcast_ref::<SimThread>() else {
        return Err(vm.type_error("run_thread() expects a thread"));
    };
    let state = std::mem::replace(&mut *thread.state.borrow_mut(), ThreadState::Running);
    let base = vm.frames.len();
    let saved_depth = vm.thread_depth;
    vm.native_depth += 1;
    vm.thread_depth = Some(vm.native_depth);
    let outcome = match state {
        ThreadState::NotStarted { func, args, kwargs } => {
            match vm.prepare_call(&func, args, &kwargs) {
                Ok(CallOutcome::Value(v)) => Ok(FrameExit::Return(v)),
                Ok(CallOutcome::Frame(frame)) => {
                    vm.frames.push(frame);
                    vm.execute_from(base)
                }
                Err(e) => Err(e),
            }
        }
        ThreadState::Sleeping(frames) => {
            vm.frames.extend(frames);
            if let Some(top) = vm.frames.last_mut() {
                top.stack.push(Value::None);
            }
            vm.execute_from(base)
        }
        ThreadState::Running | ThreadState::Finished => {
            vm.native_depth -= 1;
            vm.thread_depth = saved_depth;
            return Err(vm.new_error(
                crate::vm::exceptions::ExcKind::RuntimeError,
                "thread is not runnable",
            ));
        }
    };
    vm.native_depth -= 1;
    vm.thread_depth = saved_depth;
    let (state, result) = match outcome {
        Err(PyErr::Suspend(wake)) => {
            let frames = vm.frames.split_off(base);
            (
                ThreadState::Sleeping(frames),
                Value::tuple(vec![Value::str("sleep"), Value::Float(wake)]),
            )
        }
        Ok(FrameExit::Return(v)) => (
            ThreadState::Finished,
            Value::tuple(vec![Value::str("done"), v]),
        ),
        Ok(_) => (
            ThreadState::Finished,
            Value::tuple(vec![Value::str("done"), Value::None]),
        ),
        Err(PyErr::Raise(e)) => (
            ThreadState::Finished,
            Value::tuple(vec![Value::str("raised"), e]),
        ),
        Err(fatal) => {
            *thread.state.borrow_mut() = ThreadState::Finished;
            return Err(fatal);
        }
    };
    *thread.state.borrow_mut() = state;
    Ok(result)
}

fn format_exception(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let exc = args.first().cloned().unwrap_or(Value::None);
    Ok(Value::string(vm.format_exception(&exc)))
}

fn deadlock(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let report = match args.first() {
        Some(v) => vm.to_str(v)?,
        None => String::new(),
    };
    Err(PyErr::Fatal { report, status: 1 })
}

fn event(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if vm.observer.is_some() {
        let mut parts = Vec::with_capacity(3);
        for a in args.iter().take(3) {
            parts.push(vm.to_str(a)?);
        }
        parts.resize(3, String::new());
        vm.emit_event(&parts[0], &parts[1], &parts[2]);
    }
    Ok(Value::None)
}

/// Whether a scheduling observer listens (`--trace`): when not, the
/// event loop skips building event details.
fn tracing(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(vm.observer.is_some()))
}

fn user_location(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(match vm.user_location() {
        Some((file, line, text)) => Value::tuple(vec![
            Value::string(file),
            Value::Int(line as i64),
            Value::string(text),
        ]),
        None => Value::tuple(vec![Value::str("sys"), Value::Int(1), Value::str("")]),
    })
}

fn warn(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let message = match args.first() {
        Some(v) => vm.to_str(v)?,
        None => String::new(),
    };
    let category = match args.get(1) {
        Some(Value::Type(t)) => t.name.clone(),
        _ => "UserWarning".to_owned(),
    };
    vm.warn(&category, &message);
    Ok(Value::None)
}

fn is_coroutine_function(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(
        args.first().is_some_and(Vm::is_coroutine_function),
    ))
}

pub fn init(_vm: &mut Vm, ns: &Rc<DictObj>) -> PyResult<()> {
    let functions: [(&'static str, NativeFn); 12] = [
        ("clock", clock),
        ("set_clock", set_clock),
        ("sleep", sleep),
        ("spawn_thread", spawn_thread),
        ("run_thread", run_thread),
        ("format_exception", format_exception),
        ("deadlock", deadlock),
        ("event", event),
        ("tracing", tracing),
        ("user_location", user_location),
        ("warn", warn),
        ("is_coroutine_function", is_coroutine_function),
    ];
    crate::modules::add_functions(ns, &functions);
    Ok(())
}
