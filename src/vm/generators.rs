//! Generators, coroutines and async generators: resuming their frames,
//! delegation (`yield from` / `await`), and the awaitable protocol.

use std::any::Any;
use std::cell::{Cell as StdCell, RefCell};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::bytecode::Instr;
use crate::value::Value;
use crate::vm::exceptions::{ExcKind, PyErr};
use crate::vm::frame::{Frame, ReturnMode};
use crate::vm::interp::{Delegation, FrameExit};
use crate::vm::objects::{GenKind, GenState, GeneratorObj, KwArgs, Names, NativeObject};
use crate::vm::{PyResult, Vm};

/// How a suspended generator is resumed.
#[derive(Clone)]
pub enum Resume {
    Send(Value),
    Throw(Value),
}

/// What a resumed generator did.
pub enum GenResult {
    /// Yielded a value (for async generators, a value passed up from an
    /// `await`, on its way to the event loop).
    Yield(Value),
    /// An async generator's own `yield`: the value `async for` receives.
    AsyncYield(Value),
    Return(Value),
}

thread_local! {
    /// Coroutines dropped before they ever ran, waiting to be reported
    /// at the line that dropped them.
    static NEVER_AWAITED: RefCell<Vec<Rc<str>>> = const { RefCell::new(Vec::new()) };
    /// Generators dropped while suspended inside `try`/`with`: CPython
    /// closes them at once, so their `finally` blocks run.
    static ORPHANED: RefCell<Vec<Rc<GeneratorObj>>> = const { RefCell::new(Vec::new()) };
    /// Every coroutine not yet known to have started (weakly).
    /// With the length at which the list is next pruned.
    static CREATED_COROUTINES: RefCell<(Vec<std::rc::Weak<GeneratorObj>>, usize)> = const { RefCell::new((Vec::new(), 64)) };
}

/// Set when either list above has entries; the instruction loop checks it
/// after every instruction, so reports appear at the line that dropped.
pub static FINALIZATION_PENDING: AtomicBool = AtomicBool::new(false);

impl Drop for GeneratorObj {
    fn drop(&mut self) {
        match self.state.get() {
            GenState::Created if self.kind == GenKind::Coroutine => {
                let name = self.names.qualname.clone();
                NEVER_AWAITED.with(|w| w.borrow_mut().push(name));
                FINALIZATION_PENDING.store(true, Ordering::Relaxed);
            }
            GenState::Suspended => {
                let Some(frame) = self.frame.get_mut().take() else {
                    return;
                };
                if frame.blocks.is_empty() {
                    return;
                }
                let orphan = Rc::new(GeneratorObj {
                    kind: self.kind,
                    state: StdCell::new(GenState::Suspended),
                    frame: RefCell::new(Some(frame)),
                    code: self.code.clone(),
                    names: self.names.clone(),
                    line_of_suspension: StdCell::new(self.line_of_suspension.get()),
                });
                ORPHANED.with(|o| o.borrow_mut().push(orphan));
                FINALIZATION_PENDING.store(true, Ordering::Relaxed);
            }
            _ => {}
        }
    }
}

/// Gives back the stack room that the suspended frames of a coroutine,
/// and of what it awaits in turn, do not use. For a task that now waits
/// on a future (a timer, an event), which may take long while many others
/// wait too; a task that only yields (`sleep(0)`) resumes at once and
/// would regrow it, so it keeps the room.
pub fn compact_suspended(coro: &Rc<GeneratorObj>) {
    /// Await chains are short; the bound only guards against a cycle.
    const MAX_DEPTH: usize = 64;
    let mut current = coro.clone();
    for _ in 0..MAX_DEPTH {
        let awaited = {
            let mut frame = current.frame.borrow_mut();
            let Some(frame) = frame.as_mut() else { return };
            frame.stack.shrink_to_fit();
            match frame.stack.last() {
                Some(Value::Generator(inner)) => inner.clone(),
                _ => return,
            }
        };
        current = awaited;
    }
}

impl Vm {
    /// Reports coroutines dropped unawaited and closes generators dropped
    /// while suspended, as CPython's finalisers do.
    pub fn flush_pending_warnings(&mut self) {
        if !FINALIZATION_PENDING.load(Ordering::Relaxed) {
            return;
        }
        FINALIZATION_PENDING.store(false, Ordering::Relaxed);
        let pending = NEVER_AWAITED.with(|w| std::mem::take(&mut *w.borrow_mut()));
        for name in pending {
            let text = format!("coroutine '{name}' was never awaited");
            self.warn("RuntimeWarning", &text);
            self.write_stderr(
                "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n",
            );
        }
        let orphans = ORPHANED.with(|o| std::mem::take(&mut *o.borrow_mut()));
        for generator in orphans {
            self.finalize_generator(generator);
        }
    }

    /// Closes a generator nobody references any more; errors are printed
    /// as CPython's "Exception ignored in" reports.
    fn finalize_generator(&mut self, generator: Rc<GeneratorObj>) {
        let result = if generator.kind == GenKind::AsyncGenerator {
            self.finalize_async_generator(&generator)
        } else {
            self.close_generator(&generator)
        };
        if let Err(PyErr::Raise(exc)) = result {
            let repr = self
                .repr(&Value::Generator(generator.clone()))
                .unwrap_or_default();
            let text = self.format_exception(&exc);
            self.write_stderr(&format!("Exception ignored in: {repr}\n{text}"));
        }
    }

    /// An async generator dropped while suspended: asyncio's finalizer hook
    /// (registered with `_kairos.set_asyncgen_finalizer`) schedules its
    /// `aclose()`; without one it is closed synchronously.
    fn finalize_async_generator(&mut self, generator: &Rc<GeneratorObj>) -> PyResult<()> {
        match self.asyncgen_finalizer.clone() {
            Some(hook) => self
                .call1(&hook, Value::Generator(generator.clone()))
                .map(|_| ()),
            None => {
                let class = self.exc_type(ExcKind::GeneratorExit).clone();
                let exit = crate::vm::classes::new_exception(&class, vec![]);
                match self.resume_generator(generator, Resume::Throw(exit)) {
                    Err(PyErr::Raise(e)) if self.is_exc_kind(&e, ExcKind::GeneratorExit) => Ok(()),
                    Err(e) => Err(e),
                    Ok(_) => Ok(()),
                }
            }
        }
    }

    /// At exit: what the program still holds is released (as CPython's
    /// shutdown clears modules), reporting unawaited coroutines as `sys:1`.
    pub fn flush_warnings_at_exit(&mut self) {
        let pending = NEVER_AWAITED.with(|w| std::mem::take(&mut *w.borrow_mut()));
        for name in pending {
            self.write_stderr(&format!(
                "sys:1: RuntimeWarning: coroutine '{name}' was never awaited\n"
            ));
        }
        self.flush_pending_warnings();
        // Cycles CPython's final garbage collection would find.
        let unawaited: Vec<Rc<GeneratorObj>> = CREATED_COROUTINES.with(|c| {
            c.borrow_mut()
                .0
                .drain(..)
                .filter_map(|w| w.upgrade())
                .collect()
        });
        for coroutine in unawaited {
            if coroutine.state.get() == GenState::Created {
                coroutine.state.set(GenState::Finished);
                let name = coroutine.names.qualname.clone();
                self.write_stderr(&format!(
                    "sys:1: RuntimeWarning: coroutine '{name}' was never awaited\n"
                ));
            }
        }
    }

    /// Remembers a new coroutine, so one kept alive by a reference cycle
    /// can still be reported at exit.
    pub fn track_coroutine(generator: &Rc<GeneratorObj>) {
        CREATED_COROUTINES.with(|c| {
            let (list, next_prune) = &mut *c.borrow_mut();
            if list.len() >= *next_prune {
                list.retain(|w| {
                    w.upgrade()
                        .is_some_and(|g| g.state.get() == GenState::Created)
                });
                // The next pruning waits for as many new entries: amortised O(1).
                *next_prune = (list.len() * 2).max(64);
            }
            list.push(Rc::downgrade(generator));
        });
    }

    pub fn resume_generator(&mut self, g: &Rc<GeneratorObj>, input: Resume) -> PyResult<GenResult> {
        let what = match g.kind {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        };
        match g.state.get() {
            GenState::Running => {
                return Err(self.value_error(format!("{what} already executing")));
            }
            GenState::Finished => {
                return match input {
                    Resume::Throw(exc) => Err(PyErr::Raise(exc)),
                    Resume::Send(_) if g.kind == GenKind::Coroutine => Err(self.new_error(
                        ExcKind::RuntimeError,
                        "cannot reuse already awaited coroutine",
                    )),
                    Resume::Send(_) => Ok(GenResult::Return(Value::None)),
                };
            }
            GenState::Created => {
                if let Resume::Send(v) = &input {
                    if !v.is_none() {
                        return Err(self.type_error(format!(
                            "can't send non-None value to a just-started {what}"
                        )));
                    }
                }
                if let Resume::Throw(exc) = input {
                    g.state.set(GenState::Finished);
                    g.frame.borrow_mut().take();
                    return Err(PyErr::Raise(exc));
                }
            }
            GenState::Suspended => {
                if let Resume::Throw(exc) = &input {
                    if let Some(result) = self.throw_to_delegate(g, exc.clone())? {
                        return Ok(result);
                    }
                }
            }
        }
        let Some(mut frame) = g.frame.borrow_mut().take() else {
            return Ok(GenResult::Return(Value::None));
        };
        frame.return_mode = ReturnMode::Generator;
        let raise = match input {
            Resume::Send(v) => {
                if g.state.get() != GenState::Created {
                    frame.stack.push(v);
                }
                None
            }
            Resume::Throw(exc) => Some(exc),
        };
        self.run_generator_frame(g, frame, raise)
    }

    /// Runs a generator's frame until it yields, returns or raises.
    fn run_generator_frame(
        &mut self,
        g: &Rc<GeneratorObj>,
        frame: Box<Frame>,
        raise: Option<Value>,
    ) -> PyResult<GenResult> {
        g.state.set(GenState::Running);
        let outcome = match raise {
            None => self.run_frame_exit(frame),
            Some(exc) => self.run_frame_raising(frame, exc),
        };
        match outcome {
            Ok(exit @ (FrameExit::Yield(_) | FrameExit::Delegated(_))) => {
                let (v, yielded_by_self) = match exit {
                    FrameExit::Yield(v) => (v, true),
                    FrameExit::Delegated(v) | FrameExit::Return(v) => (v, false),
                };
                let mut frame = self.frames.pop().expect("the suspended generator frame");
                // A suspended frame may wait a long time: give back stack
                // room it is far from using (once; it then fits).
                if frame.stack.capacity() > 2 * frame.stack.len() + 4 {
                    frame.stack.shrink_to(frame.stack.len() + 2);
                }
                g.line_of_suspension.set(frame.current_instr() as u32);
                *g.frame.borrow_mut() = Some(frame);
                g.state.set(GenState::Suspended);
                if g.kind == GenKind::AsyncGenerator && yielded_by_self {
                    return Ok(GenResult::AsyncYield(v));
                }
                Ok(GenResult::Yield(v))
            }
            Ok(FrameExit::Return(v)) => {
                g.state.set(GenState::Finished);
                Ok(GenResult::Return(v))
            }
            Err(PyErr::Raise(exc)) => {
                g.state.set(GenState::Finished);
                if self.is_exc_kind(&exc, ExcKind::StopIteration) {
                    let what = match g.kind {
                        GenKind::Generator => "generator",
                        GenKind::Coroutine => "coroutine",
                        GenKind::AsyncGenerator => "async generator",
                    };
                    let err = self.new_error(
                        ExcKind::RuntimeError,
                        format!("{what} raised StopIteration"),
                    );
                    if let (PyErr::Raise(e), Some(data)) = (&err, Vm::exc_data(&err_value(&err))) {
                        let _ = e;
                        let mut d = data.borrow_mut();
                        d.cause = Some(exc.clone());
                        d.context = Some(exc);
                        d.suppress_context = true;
                    }
                    return Err(err);
                }
                Err(PyErr::Raise(exc))
            }
            Err(other) => {
                g.state.set(GenState::Finished);
                Err(other)
            }
        }
    }

    /// Pushes a frame and raises `exc` at its current instruction.
    fn run_frame_raising(&mut self, frame: Box<Frame>, exc: Value) -> PyResult<FrameExit> {
        let base = self.frames.len();
        self.frames.push(frame);
        self.add_traceback_here(&exc);
        self.native_depth += 1;
        let result = self.continue_after_raise(base, exc);
        self.native_depth -= 1;
        result
    }

    /// A throw into a generator suspended in `yield from`/`await` goes to
    /// the delegate first. `None`: no delegate, raise in the frame itself.
    fn throw_to_delegate(
        &mut self,
        g: &Rc<GeneratorObj>,
        exc: Value,
    ) -> PyResult<Option<GenResult>> {
        let sub = {
            let frame = g.frame.borrow();
            let Some(frame) = frame.as_ref() else {
                return Ok(None);
            };
            if !matches!(
                frame.code.instructions.get(frame.ip),
                Some(Instr::YieldFrom)
            ) {
                return Ok(None);
            }
            frame.stack.last().cloned()
        };
        let Some(sub) = sub else {
            return Ok(None);
        };
        let is_exit = self.is_exc_kind(&exc, ExcKind::GeneratorExit);
        g.state.set(GenState::Running);
        let outcome = if is_exit {
            self.close_delegate(&sub).map(|_| None)
        } else {
            self.throw_into(&sub, exc.clone()).map(Some)
        };
        g.state.set(GenState::Suspended);
        let take_frame = |g: &Rc<GeneratorObj>| -> Option<Box<Frame>> {
            let mut frame = g.frame.borrow_mut().take()?;
            frame.stack.pop();
            frame.ip += 1;
            Some(frame)
        };
        match outcome {
            Ok(None) => Ok(None),
            Ok(Some(Delegation::Yielded(v))) => Ok(Some(GenResult::Yield(v))),
            Ok(Some(Delegation::Returned(v))) => {
                let Some(mut frame) = take_frame(g) else {
                    return Ok(Some(GenResult::Return(Value::None)));
                };
                frame.stack.push(v);
                frame.return_mode = ReturnMode::Generator;
                self.run_generator_frame(g, frame, None).map(Some)
            }
            Err(PyErr::Raise(e)) => {
                let Some(mut frame) = take_frame(g) else {
                    return Err(PyErr::Raise(e));
                };
                frame.return_mode = ReturnMode::Generator;
                self.run_generator_frame(g, frame, Some(e)).map(Some)
            }
            Err(other) => Err(other),
        }
    }

    /// `sub.throw(exc)` as a delegation step.
    fn throw_into(&mut self, sub: &Value, exc: Value) -> PyResult<Delegation> {
        match sub {
            Value::Generator(sg) => {
                let sg = sg.clone();
                match self.resume_generator(&sg, Resume::Throw(exc))? {
                    GenResult::Yield(v) | GenResult::AsyncYield(v) => Ok(Delegation::Yielded(v)),
                    GenResult::Return(v) => Ok(Delegation::Returned(v)),
                }
            }
            Value::Native(n) if n.as_any().is::<AsyncGenAwaitable>() => {
                let aw = n.clone();
                let aw = aw
                    .as_any()
                    .downcast_ref::<AsyncGenAwaitable>()
                    .expect("checked");
                self.step_asyncgen_awaitable(aw, Resume::Throw(exc))
            }
            _ => match self.getattr_opt(sub, "throw")? {
                Some(throw) => match self.call1(&throw, exc) {
                    Ok(v) => Ok(Delegation::Yielded(v)),
                    Err(PyErr::Raise(e)) if self.is_exc_kind(&e, ExcKind::StopIteration) => {
                        Ok(Delegation::Returned(stop_iteration_value(self, &e)))
                    }
                    Err(e) => Err(e),
                },
                None => Err(PyErr::Raise(exc)),
            },
        }
    }

    fn close_delegate(&mut self, sub: &Value) -> PyResult<()> {
        match sub {
            Value::Generator(sg) => {
                let sg = sg.clone();
                self.close_generator(&sg)
            }
            _ => {
                if let Some(close) = self.getattr_opt(sub, "close")? {
                    self.call0(&close)?;
                }
                Ok(())
            }
        }
    }

    /// `gen.close()`.
    pub fn close_generator(&mut self, g: &Rc<GeneratorObj>) -> PyResult<()> {
        match g.state.get() {
            GenState::Created | GenState::Finished => {
                g.state.set(GenState::Finished);
                g.frame.borrow_mut().take();
                Ok(())
            }
            _ => {
                let exit_class = self.exc_type(ExcKind::GeneratorExit).clone();
                let exc = crate::vm::classes::new_exception(&exit_class, vec![]);
                match self.resume_generator(g, Resume::Throw(exc)) {
                    Ok(GenResult::Return(_)) => Ok(()),
                    Ok(_) => {
                        let what = if g.kind == GenKind::Coroutine {
                            "coroutine"
                        } else {
                            "generator"
                        };
                        Err(self.new_error(
                            ExcKind::RuntimeError,
                            format!("{what} ignored GeneratorExit"),
                        ))
                    }
                    Err(PyErr::Raise(e))
                        if self.is_exc_kind(&e, ExcKind::GeneratorExit)
                            || self.is_exc_kind(&e, ExcKind::StopIteration) =>
                    {
                        Ok(())
                    }
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// One step of `yield from sub` / `await sub`, sending `sent`.
    pub fn delegate(&mut self, sub: &Value, sent: Value) -> PyResult<Delegation> {
        match sub {
            Value::Generator(g) => {
                let g = g.clone();
                match self.resume_generator(&g, Resume::Send(sent))? {
                    GenResult::Yield(v) | GenResult::AsyncYield(v) => Ok(Delegation::Yielded(v)),
                    GenResult::Return(v) => Ok(Delegation::Returned(v)),
                }
            }
            Value::Iter(_) if sent.is_none() => match self.iter_next(sub)? {
                Some(v) => Ok(Delegation::Yielded(v)),
                None => Ok(Delegation::Returned(Value::None)),
            },
            Value::Native(n) if n.as_any().is::<AsyncGenAwaitable>() => {
                let n = n.clone();
                let aw = n
                    .as_any()
                    .downcast_ref::<AsyncGenAwaitable>()
                    .expect("checked");
                self.step_asyncgen_awaitable(aw, Resume::Send(sent))
            }
            Value::Native(n) if n.is_await_iterator() => {
                let n = n.clone();
                n.await_step(self, sent)
                    .unwrap_or(Ok(Delegation::Returned(Value::None)))
            }
            _ => {
                let result = if sent.is_none() {
                    let class = self.type_of(sub);
                    match class.lookup("__next__") {
                        Some(next) => self.call1(&next, sub.clone()),
                        None => {
                            return Err(self
                                .type_error(format!("'{}' object is not an iterator", class.name)))
                        }
                    }
                } else {
                    let send = self.getattr(sub, "send")?;
                    self.call1(&send, sent)
                };
                match result {
                    Ok(v) => Ok(Delegation::Yielded(v)),
                    Err(PyErr::Raise(e)) if self.is_exc_kind(&e, ExcKind::StopIteration) => {
                        Ok(Delegation::Returned(stop_iteration_value(self, &e)))
                    }
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// `await x`: the iterator to delegate to.
    pub fn get_awaitable(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Generator(g) if g.kind == GenKind::Coroutine => Ok(v.clone()),
            Value::Native(n) if n.as_any().is::<AsyncGenAwaitable>() || n.is_await_iterator() => {
                Ok(v.clone())
            }
            _ => {
                let class = self.type_of(v);
                let Some(await_method) = class.lookup("__await__") else {
                    return Err(self.type_error(format!(
                        "object {} can't be used in 'await' expression",
                        self.type_name(v)
                    )));
                };
                let it = self.call1(&await_method, v.clone())?;
                match &it {
                    Value::Generator(g) if g.kind == GenKind::Coroutine => {
                        Err(self.type_error("__await__() returned a coroutine"))
                    }
                    Value::Generator(_) | Value::Iter(_) => Ok(it),
                    Value::Native(n) if n.is_await_iterator() => Ok(it),
                    _ if self.type_of(&it).lookup("__next__").is_some() => Ok(it),
                    _ => Err(self.type_error(format!(
                        "__await__() returned non-iterator of type '{}'",
                        self.type_name(&it)
                    ))),
                }
            }
        }
    }

    pub fn get_aiter(&mut self, v: &Value) -> PyResult<Value> {
        if let Value::Generator(g) = v {
            if g.kind == GenKind::AsyncGenerator {
                return Ok(v.clone());
            }
        }
        match self.call_dunder(v, "__aiter__", vec![])? {
            Some(it) => Ok(it),
            None => Err(self.type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                self.type_name(v)
            ))),
        }
    }

    pub fn get_anext(&mut self, it: &Value) -> PyResult<Value> {
        if let Value::Generator(g) = it {
            if g.kind == GenKind::AsyncGenerator {
                return Ok(AsyncGenAwaitable::value(
                    g.clone(),
                    Resume::Send(Value::None),
                ));
            }
        }
        match self.call_dunder(it, "__anext__", vec![])? {
            Some(aw) => self.get_awaitable(&aw).map_err(|e| match e {
                PyErr::Raise(_) => self.type_error(format!(
                    "'async for' received an invalid object from __anext__: {}",
                    self.type_name(&aw)
                )),
                other => other,
            }),
            None => Err(self.type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                self.type_name(it)
            ))),
        }
    }

    /// Drives an async generator for one `asend`/`athrow`/`aclose` step.
    fn step_asyncgen_awaitable(
        &mut self,
        aw: &AsyncGenAwaitable,
        input: Resume,
    ) -> PyResult<Delegation> {
        if aw.done.get() {
            return Err(self.new_error(
                ExcKind::RuntimeError,
                "cannot reuse already awaited __anext__()/asend()",
            ));
        }
        let input = match aw.first.borrow_mut().take() {
            Some(first) => first,
            None => input,
        };
        let gen = aw.gen.clone();
        if gen.state.get() == GenState::Finished {
            aw.done.set(true);
            if aw.closing {
                return Ok(Delegation::Returned(Value::None));
            }
            if let Resume::Throw(exc) = input {
                return Err(PyErr::Raise(exc));
            }
            return Err(self.new_error(ExcKind::StopAsyncIteration, ""));
        }
        match self.resume_generator(&gen, input) {
            Ok(GenResult::Yield(v)) => Ok(Delegation::Yielded(v)),
            Ok(GenResult::AsyncYield(v)) => {
                aw.done.set(true);
                if aw.closing {
                    return Err(self.new_error(
                        ExcKind::RuntimeError,
                        "async generator ignored GeneratorExit",
                    ));
                }
                Ok(Delegation::Returned(v))
            }
            Ok(GenResult::Return(_)) => {
                aw.done.set(true);
                if aw.closing {
                    return Ok(Delegation::Returned(Value::None));
                }
                let class = self.exc_type(ExcKind::StopAsyncIteration).clone();
                Err(PyErr::Raise(crate::vm::classes::new_exception(
                    &class,
                    vec![],
                )))
            }
            Err(PyErr::Raise(e)) => {
                aw.done.set(true);
                if aw.closing
                    && (self.is_exc_kind(&e, ExcKind::GeneratorExit)
                        || self.is_exc_kind(&e, ExcKind::StopAsyncIteration))
                {
                    return Ok(Delegation::Returned(Value::None));
                }
                Err(PyErr::Raise(e))
            }
            Err(e) => Err(e),
        }
    }
}

/// `StopIteration(value).value`.
pub fn stop_iteration_value(_vm: &mut Vm, exc: &Value) -> Value {
    Vm::exc_data(exc)
        .and_then(|d| d.borrow().args.first().cloned())
        .unwrap_or(Value::None)
}

fn err_value(err: &PyErr) -> Value {
    match err {
        PyErr::Raise(v) => v.clone(),
        _ => Value::None,
    }
}

/// The awaitable returned by an async generator's `__anext__`, `asend`,
/// `athrow` and `aclose`.
pub struct AsyncGenAwaitable {
    gen: Rc<GeneratorObj>,
    /// What the first step sends into the generator.
    first: RefCell<Option<Resume>>,
    done: StdCell<bool>,
    /// `aclose()`: GeneratorExit ending the generator is success.
    closing: bool,
}

impl AsyncGenAwaitable {
    pub fn value(gen: Rc<GeneratorObj>, first: Resume) -> Value {
        Value::Native(Rc::new(AsyncGenAwaitable {
            gen,
            first: RefCell::new(Some(first)),
            done: StdCell::new(false),
            closing: false,
        }))
    }

    pub fn closing(gen: Rc<GeneratorObj>, exit: Value) -> Value {
        Value::Native(Rc::new(AsyncGenAwaitable {
            gen,
            first: RefCell::new(Some(Resume::Throw(exit))),
            done: StdCell::new(false),
            closing: true,
        }))
    }
}

impl NativeObject for AsyncGenAwaitable {
    fn type_name(&self) -> &'static str {
        "async_generator_asend"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// An awaitable that suspends once with `None` and then returns `None`:
/// a bare `yield` in a generator-based coroutine, as `asyncio.sleep(0)`
/// uses one, without a generator frame.
pub struct YieldOnce {
    yielded: StdCell<bool>,
}

impl YieldOnce {
    pub fn value() -> Value {
        Value::Native(Rc::new(YieldOnce {
            yielded: StdCell::new(false),
        }))
    }
}

impl NativeObject for YieldOnce {
    fn type_name(&self) -> &'static str {
        "yield_once"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn await_step(&self, _vm: &mut Vm, _sent: Value) -> Option<PyResult<Delegation>> {
        Some(Ok(if self.yielded.replace(true) {
            Delegation::Returned(Value::None)
        } else {
            Delegation::Yielded(Value::None)
        }))
    }
    fn is_await_iterator(&self) -> bool {
        true
    }
}

// ----- Python-visible methods of generators and coroutines -------------

fn generator_arg(vm: &mut Vm, args: &[Value]) -> PyResult<Rc<GeneratorObj>> {
    match args.first() {
        Some(Value::Generator(g)) => Ok(g.clone()),
        _ => Err(vm.type_error("descriptor requires a generator object")),
    }
}

fn result_to_value(vm: &mut Vm, r: GenResult) -> PyResult<Value> {
    match r {
        GenResult::Yield(v) | GenResult::AsyncYield(v) => Ok(v),
        GenResult::Return(v) => {
            let class = vm.exc_type(ExcKind::StopIteration).clone();
            let args = if v.is_none() { vec![] } else { vec![v] };
            Err(PyErr::Raise(crate::vm::classes::new_exception(
                &class, args,
            )))
        }
    }
}

fn gen_send(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let g = generator_arg(vm, args)?;
    let v = args.get(1).cloned().unwrap_or(Value::None);
    let r = vm.resume_generator(&g, Resume::Send(v))?;
    result_to_value(vm, r)
}

fn gen_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let g = generator_arg(vm, args)?;
    let r = vm.resume_generator(&g, Resume::Send(Value::None))?;
    result_to_value(vm, r)
}

/// `throw(exc)` / `throw(type, value)`: normalises to an instance.
pub fn exception_instance(vm: &mut Vm, typ: &Value, value: Option<&Value>) -> PyResult<Value> {
    match typ {
        Value::Type(t) if t.is_exception() => {
            let args = match value {
                None | Some(Value::None) => vec![],
                Some(v) => vec![v.clone()],
            };
            vm.call(typ, args, &[])
        }
        Value::Instance(i) if i.exc.is_some() => Ok(typ.clone()),
        _ => Err(vm.type_error(
            "exceptions must be classes or instances deriving from BaseException, not ".to_owned()
                + &vm.type_name(typ),
        )),
    }
}

fn gen_throw(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let g = generator_arg(vm, args)?;
    let typ = args.get(1).cloned().unwrap_or(Value::None);
    let exc = exception_instance(vm, &typ, args.get(2))?;
    let r = vm.resume_generator(&g, Resume::Throw(exc))?;
    result_to_value(vm, r)
}

fn gen_close(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let g = generator_arg(vm, args)?;
    vm.close_generator(&g)?;
    Ok(Value::None)
}

fn gen_iter(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

fn agen_anext(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let g = generator_arg(vm, args)?;
    Ok(AsyncGenAwaitable::value(g, Resume::Send(Value::None)))
}

fn agen_asend(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let g = generator_arg(vm, args)?;
    let v = args.get(1).cloned().unwrap_or(Value::None);
    Ok(AsyncGenAwaitable::value(g, Resume::Send(v)))
}

fn agen_athrow(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let g = generator_arg(vm, args)?;
    let typ = args.get(1).cloned().unwrap_or(Value::None);
    let exc = exception_instance(vm, &typ, args.get(2))?;
    Ok(AsyncGenAwaitable::value(g, Resume::Throw(exc)))
}

fn agen_aclose(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let g = generator_arg(vm, args)?;
    let class = vm.exc_type(ExcKind::GeneratorExit).clone();
    Ok(AsyncGenAwaitable::closing(
        g,
        crate::vm::classes::new_exception(&class, vec![]),
    ))
}

fn awaitable_arg(args: &[Value]) -> Option<Rc<dyn NativeObject>> {
    match args.first() {
        Some(Value::Native(n)) if n.as_any().is::<AsyncGenAwaitable>() => Some(n.clone()),
        _ => None,
    }
}

fn awaitable_step(vm: &mut Vm, args: &[Value], input: Resume) -> PyResult<Value> {
    let Some(n) = awaitable_arg(args) else {
        return Err(vm.type_error("expected an async generator awaitable"));
    };
    let aw = n
        .as_any()
        .downcast_ref::<AsyncGenAwaitable>()
        .expect("checked");
    match vm.step_asyncgen_awaitable(aw, input)? {
        Delegation::Yielded(v) => Ok(v),
        Delegation::Returned(v) => result_to_value(vm, GenResult::Return(v)),
    }
}

fn awaitable_send(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let v = args.get(1).cloned().unwrap_or(Value::None);
    awaitable_step(vm, args, Resume::Send(v))
}

fn awaitable_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    awaitable_step(vm, args, Resume::Send(Value::None))
}

fn awaitable_throw(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let typ = args.get(1).cloned().unwrap_or(Value::None);
    let exc = exception_instance(vm, &typ, args.get(2))?;
    awaitable_step(vm, args, Resume::Throw(exc))
}

/// `anext(aiterator)`: the awaitable of its next item.
fn builtin_anext(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    match args {
        [it] => vm.get_anext(it),
        [_, _] => Err(vm.type_error("kairos does not support anext() with a default yet")),
        _ => Err(vm.type_error(format!("anext expected 1 arguments, got {}", args.len()))),
    }
}

/// `aiter(aiterable)`.
fn builtin_aiter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    match args {
        [x] => vm.get_aiter(x),
        _ => Err(vm.type_error(format!(
            "aiter() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

pub fn install(vm: &mut Vm) {
    vm.add_builtin("anext", builtin_anext);
    vm.add_builtin("aiter", builtin_aiter);
    let types = [vm.types.generator.clone(), vm.types.coroutine.clone()];
    for t in &types {
        vm.add_method(t, "send", gen_send);
        vm.add_method(t, "throw", gen_throw);
        vm.add_method(t, "close", gen_close);
    }
    let generator = vm.types.generator.clone();
    vm.add_method(&generator, "__next__", gen_next);
    vm.add_method(&generator, "__iter__", gen_iter);
    let coroutine = vm.types.coroutine.clone();
    vm.add_method(&coroutine, "__await__", gen_iter);
    let agen = vm.types.async_generator.clone();
    vm.add_method(&agen, "__aiter__", gen_iter);
    vm.add_method(&agen, "__anext__", agen_anext);
    vm.add_method(&agen, "asend", agen_asend);
    vm.add_method(&agen, "athrow", agen_athrow);
    vm.add_method(&agen, "aclose", agen_aclose);
    let awaitable = vm.type_of(&AsyncGenAwaitable::value(
        Rc::new(GeneratorObj {
            kind: GenKind::AsyncGenerator,
            state: StdCell::new(GenState::Finished),
            frame: RefCell::new(None),
            code: placeholder_code(),
            names: Rc::new(Names {
                name: "".into(),
                qualname: "".into(),
            }),
            line_of_suspension: StdCell::new(0),
        }),
        Resume::Send(Value::None),
    ));
    vm.add_method(&awaitable, "send", awaitable_send);
    vm.add_method(&awaitable, "__next__", awaitable_next);
    vm.add_method(&awaitable, "throw", awaitable_throw);
    vm.add_method(&awaitable, "__await__", gen_iter);
    vm.add_method(&awaitable, "__iter__", gen_iter);
}

fn placeholder_code() -> Rc<crate::bytecode::CodeObject> {
    Rc::new(crate::bytecode::CodeObject {
        name: String::new(),
        qualname: String::new(),
        filename: "".into(),
        flags: 0,
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        varnames: vec![],
        cellvars: vec![],
        cell_params: vec![],
        freevars: vec![],
        names: vec![],
        constants: vec![],
        instructions: vec![],
        locations: vec![],
        firstlineno: 0,
        span: Default::default(),
        has_docstring: false,
    })
}
