//! The instruction loop.
//!
//! `execute(base)` runs the frames above `base` on `self.frames` until the
//! frame at `base` returns or yields. Calls push frames instead of
//! recursing; only natives that call back into Python (and generator
//! resumption) start a nested loop.

use std::rc::Rc;

use crate::ast::{BinOp, CmpOp};
use crate::bytecode::{Instr, RaiseKind, UnaryKind};
use crate::value::Value;
use crate::vm::call::CallOutcome;
use crate::vm::exceptions::{ExcKind, PyErr, TraceEntry};
use crate::vm::frame::{Block, BlockKind, Frame, ReturnMode};
use crate::vm::objects::{BuiltinFunction, Cell, DictObj, FunctionObj, GenKind, Names, SetObj};
use crate::vm::{PyResult, Vm};

/// How the frame at the base of an `execute` left.
pub enum FrameExit {
    Return(Value),
    /// `yield v` (for async generators: a value for `async for`).
    Yield(Value),
    /// A value yielded by a delegate (`await`, `yield from`), passed up.
    Delegated(Value),
}

impl Vm {
    /// Runs a frame to completion on top of the current stack.
    pub fn run_frame(&mut self, frame: Box<Frame>) -> PyResult<Value> {
        match self.run_frame_exit(frame)? {
            FrameExit::Return(v) => Ok(v),
            FrameExit::Yield(_) | FrameExit::Delegated(_) => {
                Err(self.new_error(ExcKind::SystemError, "a non-generator frame yielded"))
            }
        }
    }

    /// Pushes a frame and runs until it returns or yields.
    pub fn run_frame_exit(&mut self, frame: Box<Frame>) -> PyResult<FrameExit> {
        if self.frames.len() >= self.limits.recursion_limit {
            return Err(self.new_error(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        let base = self.frames.len();
        self.frames.push(frame);
        self.native_depth += 1;
        let result = self.execute(base);
        self.native_depth -= 1;
        result
    }

    fn execute(&mut self, base: usize) -> PyResult<FrameExit> {
        loop {
            match self.run_instructions(base) {
                Ok(exit) => return Ok(exit),
                Err(PyErr::Raise(exc)) => {
                    if let Some(exit) = self.unwind(base, exc)? {
                        return Ok(exit);
                    }
                }
                Err(PyErr::Suspend(t)) => return Err(PyErr::Suspend(t)),
                Err(fatal) => {
                    self.frames.truncate(base);
                    return Err(fatal);
                }
            }
        }
    }

    /// Finds a handler for `exc` in the frames above `base`: `Ok(None)` to
    /// continue executing at it; `Err` when the exception leaves the base frame.
    fn unwind(&mut self, base: usize, exc: Value) -> PyResult<Option<FrameExit>> {
        loop {
            let frame = self.frames.last_mut().expect("unwinding needs a frame");
            while let Some(block) = frame.blocks.pop() {
                frame.stack.truncate(block.level);
                match block.kind {
                    BlockKind::ExceptHandler => self.exc_info = block.previous,
                    BlockKind::Finally { handler } => {
                        let previous = self.exc_info.replace(exc.clone());
                        frame.blocks.push(Block {
                            kind: BlockKind::ExceptHandler,
                            level: frame.stack.len(),
                            previous,
                        });
                        frame.stack.push(exc);
                        frame.ip = handler as usize;
                        return Ok(None);
                    }
                }
            }
            // No handler here: the exception leaves this frame, whose
            // locals now live as long as the traceback does.
            if let Some(frame) = self.frames.pop() {
                if let Some(data) = Vm::exc_data(&exc) {
                    if let Some(entry) = data.borrow_mut().traceback.last_mut() {
                        if Rc::ptr_eq(&entry.code, &frame.code) && entry.locals.is_none() {
                            entry.locals = Some(Rc::new(frame.fast));
                        }
                    }
                }
            }
            if self.frames.len() == base {
                return Err(PyErr::Raise(exc));
            }
            self.add_traceback_here(&exc);
        }
    }

    /// Records that `exc` passes through the innermost frame.
    pub fn add_traceback_here(&mut self, exc: &Value) {
        let Some(data) = Vm::exc_data(exc) else {
            return;
        };
        if let Some(frame) = self.frames.last() {
            let instr = frame.current_instr();
            let mut data = data.borrow_mut();
            let attribute_caret = data.traceback.is_empty()
                && matches!(
                    frame.code.instructions.get(instr),
                    Some(Instr::CallMethod { .. })
                )
                && self.is_exc_kind(exc, ExcKind::AttributeError);
            data.traceback.push(TraceEntry {
                code: frame.code.clone(),
                instr,
                globals: frame.globals.clone(),
                locals: None,
                attribute_caret,
            });
        }
    }

    /// Raising: sets the implicit `__context__` and the traceback entry.
    fn raise_here(&mut self, exc: Value) -> PyErr {
        if let (Some(handled), Some(data)) = (&self.exc_info, Vm::exc_data(&exc)) {
            if !handled.is(&exc) {
                let mut data = data.borrow_mut();
                if data.context.is_none() {
                    data.context = Some(handled.clone());
                }
            }
        }
        PyErr::Raise(exc)
    }

    /// Executes instructions until the base frame exits or an exception is
    /// raised (the caller unwinds and calls again).
    fn run_instructions(&mut self, base: usize) -> PyResult<FrameExit> {
        match self.run_until_error(base) {
            Err(PyErr::Raise(exc)) => {
                let exc = self.raise_here(exc);
                if let PyErr::Raise(e) = &exc {
                    let reraise = matches!(
                        self.frames
                            .last()
                            .and_then(|f| f.code.instructions.get(f.current_instr())),
                        Some(Instr::Reraise)
                            | Some(Instr::Raise(RaiseKind::Reraise))
                            | Some(Instr::EndAsyncFor)
                            | Some(Instr::PrepReraiseStar(_))
                    );
                    if !reraise || self.traceback_is_empty(e) {
                        self.add_traceback_here(e);
                    }
                }
                Err(exc)
            }
            other => other,
        }
    }

    fn traceback_is_empty(&self, exc: &Value) -> bool {
        Vm::exc_data(exc).is_none_or(|d| d.borrow().traceback.is_empty())
    }

    #[allow(clippy::cognitive_complexity)]
    fn run_until_error(&mut self, base: usize) -> PyResult<FrameExit> {
        // SAFETY: frames are boxed, so a frame does not move while the
        // vector grows; `f` is re-derived after every push or pop.
        let mut f: *mut Frame = &mut **self.frames.last_mut().expect("a frame to run");
        macro_rules! frame {
            () => {
                unsafe { &mut *f }
            };
        }
        macro_rules! refresh {
            () => {
                f = &mut **self.frames.last_mut().expect("a frame to run")
            };
        }
        loop {
            if crate::vm::generators::FINALIZATION_PENDING
                .load(std::sync::atomic::Ordering::Relaxed)
            {
                self.flush_pending_warnings();
                refresh!();
            }
            self.instructions += 1;
            if self.instructions & 0xfff == 0 && self.instructions > self.limits.max_instructions {
                return Err(PyErr::Fatal {
                    report: format!(
                        "kairos: the program executed more than {} instructions (--max-instructions); stopped",
                        self.limits.max_instructions
                    ),
                    status: 3,
                });
            }
            let fr = frame!();
            let instr = fr.code.instructions[fr.ip];
            fr.ip += 1;
            match instr {
                Instr::Nop => {}
                Instr::PopTop => {
                    fr.stack.pop();
                    self.flush_pending_warnings();
                }
                Instr::Copy(n) => {
                    let v = fr.stack[fr.stack.len() - n as usize].clone();
                    fr.stack.push(v);
                }
                Instr::Swap(n) => {
                    let len = fr.stack.len();
                    fr.stack.swap(len - 1, len - n as usize);
                }
                Instr::LoadConst(i) => {
                    let v = fr.code.constants[i as usize].clone();
                    fr.stack.push(v);
                }
                Instr::LoadFast(i) => match &fr.fast[i as usize] {
                    Some(v) => {
                        let v = v.clone();
                        fr.stack.push(v);
                    }
                    None => {
                        let name = fr.code.varnames[i as usize].clone();
                        return Err(self.new_error(
                            ExcKind::UnboundLocalError,
                            format!("cannot access local variable '{name}' where it is not associated with a value"),
                        ));
                    }
                },
                Instr::StoreFast(i) => {
                    let v = fr.pop();
                    fr.fast[i as usize] = Some(v);
                }
                Instr::DeleteFast(i) => {
                    if fr.fast[i as usize].take().is_none() {
                        let name = fr.code.varnames[i as usize].clone();
                        return Err(self.new_error(
                            ExcKind::UnboundLocalError,
                            format!("cannot access local variable '{name}' where it is not associated with a value"),
                        ));
                    }
                }
                Instr::LoadDeref(i) => {
                    let v = fr.cells[i as usize].value.borrow().clone();
                    match v {
                        Some(v) => fr.stack.push(v),
                        None => return Err(self.unbound_deref(i)),
                    }
                }
                Instr::StoreDeref(i) => {
                    let v = fr.pop();
                    *fr.cells[i as usize].value.borrow_mut() = Some(v);
                }
                Instr::DeleteDeref(i) => {
                    if fr.cells[i as usize].value.borrow_mut().take().is_none() {
                        return Err(self.unbound_deref(i));
                    }
                }
                Instr::LoadClosure(i) => {
                    let c = fr.cells[i as usize].clone();
                    fr.stack.push(Value::Cell(c));
                }
                Instr::LoadClassDeref(i) => {
                    let idx = i as usize;
                    let name = if idx < fr.code.cellvars.len() {
                        fr.code.cellvars[idx].clone()
                    } else {
                        fr.code.freevars[idx - fr.code.cellvars.len()].clone()
                    };
                    let local = fr.locals.as_ref().and_then(|l| l.get_str(&name));
                    match local {
                        Some(v) => fr.stack.push(v),
                        None => {
                            let v = fr.cells[idx].value.borrow().clone();
                            match v {
                                Some(v) => fr.stack.push(v),
                                None => return Err(self.unbound_deref(i)),
                            }
                        }
                    }
                }
                Instr::LoadGlobal(i) => {
                    let v = self.load_global(fr, i)?;
                    frame!().stack.push(v);
                }
                Instr::StoreGlobal(i) => {
                    let v = fr.pop();
                    let name = &fr.code.names[i as usize];
                    fr.globals.set_str(name, v);
                }
                Instr::DeleteGlobal(i) => {
                    let name = fr.code.names[i as usize].clone();
                    if self.dict_del_str(&fr.globals, &name).is_none() {
                        return Err(self.new_error(
                            ExcKind::NameError,
                            format!("name '{name}' is not defined"),
                        ));
                    }
                }
                Instr::LoadName(i) => {
                    let name = &fr.code.names[i as usize];
                    let local = fr.locals.as_ref().and_then(|l| l.get_str(name));
                    let v = match local {
                        Some(v) => v,
                        None => self.load_global(fr, i)?,
                    };
                    frame!().stack.push(v);
                }
                Instr::StoreName(i) => {
                    let v = fr.pop();
                    let name = &fr.code.names[i as usize];
                    match &fr.locals {
                        Some(l) => l.set_str(name, v),
                        None => fr.globals.set_str(name, v),
                    }
                }
                Instr::DeleteName(i) => {
                    let name = fr.code.names[i as usize].clone();
                    let ns = fr.locals.clone().unwrap_or_else(|| fr.globals.clone());
                    if self.dict_del_str(&ns, &name).is_none() {
                        return Err(self.new_error(
                            ExcKind::NameError,
                            format!("name '{name}' is not defined"),
                        ));
                    }
                }
                Instr::LoadAttr(i) => {
                    let obj = fr.pop();
                    let name = fr.code.names[i as usize].clone();
                    let v = self.getattr(&obj, &name)?;
                    frame!().stack.push(v);
                }
                Instr::StoreAttr(i) => {
                    let obj = fr.pop();
                    let value = fr.pop();
                    let name = fr.code.names[i as usize].clone();
                    self.setattr(&obj, &name, value)?;
                }
                Instr::DeleteAttr(i) => {
                    let obj = fr.pop();
                    let name = fr.code.names[i as usize].clone();
                    self.delattr(&obj, &name)?;
                }
                Instr::BinarySubscr => {
                    let index = fr.pop();
                    let container = fr.pop();
                    let v = self.getitem(&container, &index)?;
                    frame!().stack.push(v);
                }
                Instr::StoreSubscr => {
                    let index = fr.pop();
                    let container = fr.pop();
                    let value = fr.pop();
                    self.setitem(&container, index, value)?;
                }
                Instr::DeleteSubscr => {
                    let index = fr.pop();
                    let container = fr.pop();
                    self.delitem(&container, &index)?;
                }
                Instr::BinaryOp(op) => {
                    let b = fr.pop();
                    let a = fr.pop();
                    if let (Value::Int(x), Value::Int(y)) = (&a, &b) {
                        let fast = match op {
                            BinOp::Add => x.checked_add(*y),
                            BinOp::Sub => x.checked_sub(*y),
                            _ => None,
                        };
                        if let Some(r) = fast {
                            fr.stack.push(Value::Int(r));
                            continue;
                        }
                    }
                    let v = self.binary_op(&a, &b, op)?;
                    frame!().stack.push(v);
                }
                Instr::InplaceOp(op) => {
                    let b = fr.pop();
                    let a = fr.pop();
                    let v = self.inplace_op(&a, &b, op)?;
                    frame!().stack.push(v);
                }
                Instr::UnaryOp(kind) => {
                    let a = fr.pop();
                    let v = match kind {
                        UnaryKind::Not => Value::Bool(!self.is_true(&a)?),
                        other => self.unary_op(&a, other)?,
                    };
                    frame!().stack.push(v);
                }
                Instr::CompareOp(op) => {
                    let b = fr.pop();
                    let a = fr.pop();
                    if let (Value::Int(x), Value::Int(y)) = (&a, &b) {
                        let fast = match op {
                            CmpOp::Lt => Some(x < y),
                            CmpOp::LtE => Some(x <= y),
                            CmpOp::Gt => Some(x > y),
                            CmpOp::GtE => Some(x >= y),
                            CmpOp::Eq => Some(x == y),
                            CmpOp::NotEq => Some(x != y),
                            _ => None,
                        };
                        if let Some(r) = fast {
                            fr.stack.push(Value::Bool(r));
                            continue;
                        }
                    }
                    let v = self.compare(&a, &b, op)?;
                    frame!().stack.push(v);
                }
                Instr::Jump(t) => fr.ip = t as usize,
                Instr::PopJumpIfFalse(t) => {
                    let v = fr.pop();
                    if !self.is_true(&v)? {
                        frame!().ip = t as usize;
                    }
                }
                Instr::PopJumpIfTrue(t) => {
                    let v = fr.pop();
                    if self.is_true(&v)? {
                        frame!().ip = t as usize;
                    }
                }
                Instr::JumpIfFalseOrPop(t) => {
                    let v = fr.top();
                    if !self.is_true(&v)? {
                        frame!().ip = t as usize;
                    } else {
                        frame!().stack.pop();
                    }
                }
                Instr::JumpIfTrueOrPop(t) => {
                    let v = fr.top();
                    if self.is_true(&v)? {
                        frame!().ip = t as usize;
                    } else {
                        frame!().stack.pop();
                    }
                }
                Instr::GetIter => {
                    let v = fr.pop();
                    let it = self.get_iter(&v)?;
                    frame!().stack.push(it);
                }
                Instr::ForIter(t) => {
                    let it = fr.top();
                    match self.iter_next(&it)? {
                        Some(v) => frame!().stack.push(v),
                        None => {
                            let fr = frame!();
                            fr.stack.pop();
                            fr.ip = t as usize;
                        }
                    }
                }
                Instr::BuildTuple(n) => {
                    let items = fr.stack.split_off(fr.stack.len() - n as usize);
                    fr.stack.push(Value::tuple(items));
                }
                Instr::BuildList(n) => {
                    let items = fr.stack.split_off(fr.stack.len() - n as usize);
                    fr.stack.push(Value::list(items));
                }
                Instr::BuildSet(n) => {
                    let items = fr.stack.split_off(fr.stack.len() - n as usize);
                    let set = Rc::new(SetObj::default());
                    for item in items {
                        self.set_add(&set, item)?;
                    }
                    frame!().stack.push(Value::Set(set));
                }
                Instr::BuildMap(n) => {
                    let items = fr.stack.split_off(fr.stack.len() - 2 * n as usize);
                    let dict = DictObj::new();
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        self.dict_set(&dict, k, v)?;
                    }
                    frame!().stack.push(Value::Dict(dict));
                }
                Instr::BuildSlice(n) => {
                    let step = if n == 3 { fr.pop() } else { Value::None };
                    let stop = fr.pop();
                    let start = fr.pop();
                    fr.stack
                        .push(Value::Slice(Rc::new(crate::vm::objects::SliceObj {
                            start,
                            stop,
                            step,
                        })));
                }
                Instr::BuildString(n) => {
                    let items = fr.stack.split_off(fr.stack.len() - n as usize);
                    let mut s = String::new();
                    for item in &items {
                        if let Value::Str(p) = item {
                            s.push_str(p.as_str());
                        }
                    }
                    fr.stack.push(Value::string(s));
                }
                Instr::ListAppend(d) => {
                    let v = fr.pop();
                    if let Value::List(l) = &fr.stack[fr.stack.len() - d as usize] {
                        l.borrow_mut().push(v);
                    }
                }
                Instr::SetAdd(d) => {
                    let v = fr.pop();
                    if let Value::Set(s) = fr.stack[fr.stack.len() - d as usize].clone() {
                        self.set_add(&s, v)?;
                    }
                }
                Instr::MapAdd(d) => {
                    let v = fr.pop();
                    let k = fr.pop();
                    if let Value::Dict(m) = fr.stack[fr.stack.len() - d as usize].clone() {
                        self.dict_set(&m, k, v)?;
                    }
                }
                Instr::ListExtend(d) => {
                    let iterable = fr.pop();
                    let target = fr.stack[fr.stack.len() - d as usize].clone();
                    let items = self.collect_iterable(&iterable).map_err(|e| {
                        self.star_error(e, &iterable, "argument after * must be an iterable")
                    })?;
                    if let Value::List(l) = target {
                        l.borrow_mut().extend(items);
                    }
                }
                Instr::SetUpdate(d) => {
                    let iterable = fr.pop();
                    let target = fr.stack[fr.stack.len() - d as usize].clone();
                    let items = self.collect_iterable(&iterable)?;
                    if let Value::Set(s) = target {
                        for item in items {
                            self.set_add(&s, item)?;
                        }
                    }
                }
                Instr::DictUpdate(d) | Instr::DictMerge(d) => {
                    let mapping = fr.pop();
                    let target = fr.stack[fr.stack.len() - d as usize].clone();
                    let func = if matches!(instr, Instr::DictMerge(_)) {
                        let idx = fr.stack.len() as isize - d as isize - 2;
                        (idx >= 0).then(|| fr.stack[idx as usize].clone())
                    } else {
                        None
                    };
                    if let Value::Dict(target) = target {
                        self.dict_merge(&target, &mapping, func.as_ref())?;
                    }
                }
                Instr::ListToTuple => {
                    let v = fr.pop();
                    let t = match v {
                        Value::List(l) => Value::tuple(l.borrow().clone()),
                        other => other,
                    };
                    fr.stack.push(t);
                }
                Instr::UnpackSequence(n) => {
                    let seq = fr.pop();
                    let items = self.unpack(&seq, n as usize)?;
                    frame!().stack.extend(items.into_iter().rev());
                }
                Instr::UnpackEx { before, after } => {
                    let seq = fr.pop();
                    let items = self.unpack_ex(&seq, before as usize, after as usize)?;
                    frame!().stack.extend(items.into_iter().rev());
                }
                Instr::FormatValue {
                    conversion,
                    has_spec,
                } => {
                    let spec = if has_spec { Some(fr.pop()) } else { None };
                    let v = fr.pop();
                    let s = self.format_fvalue(&v, conversion, spec.as_ref())?;
                    frame!().stack.push(s);
                }
                Instr::CallFunction(argc) => {
                    let argc = argc as usize;
                    let callee = fr.stack.len() - argc - 1;
                    if let Value::Function(func) = &fr.stack[callee] {
                        if self.frames.len() < self.limits.recursion_limit && is_plain(func, argc) {
                            // The common call: arguments move straight from
                            // this stack into the new frame's locals.
                            let func = func.clone();
                            let mut frame = self.new_frame(func.code.clone(), func.globals.clone());
                            frame.fast.extend(fr.stack.drain(callee + 1..).map(Some));
                            frame.fast.resize(func.code.varnames.len(), None);
                            fr.stack.pop();
                            self.frames.push(frame);
                            refresh!();
                            continue;
                        }
                    }
                    let args = fr.stack.split_off(fr.stack.len() - argc);
                    let func = fr.pop();
                    if self.do_call(&func, args, &[])? {
                        refresh!();
                    }
                }
                Instr::CallFunctionKw(argc) => {
                    let names = fr.pop();
                    let mut args = fr.stack.split_off(fr.stack.len() - argc as usize);
                    let func = fr.pop();
                    let kwargs = self.split_kwargs(&mut args, &names);
                    if self.do_call(&func, args, &kwargs)? {
                        refresh!();
                    }
                }
                Instr::CallFunctionEx { has_kwargs } => {
                    let kwargs = if has_kwargs { Some(fr.pop()) } else { None };
                    let args = fr.pop();
                    let func = fr.pop();
                    let args = match args {
                        Value::Tuple(t) => t.to_vec(),
                        other => self.collect_iterable(&other)?,
                    };
                    let kwargs = match kwargs {
                        Some(Value::Dict(d)) => self.dict_to_kwargs(&d)?,
                        _ => Vec::new(),
                    };
                    if self.do_call(&func, args, &kwargs)? {
                        refresh!();
                    }
                }
                Instr::CallMethod { name, argc } => {
                    let argc = argc as usize;
                    let self_pos = fr.stack.len() - argc - 1;
                    let name = fr.code.names[name as usize].clone();
                    let obj = fr.stack[self_pos].clone();
                    let method = self.lookup_method(&obj, &name)?;
                    if let Some(Value::Function(func)) = &method {
                        if self.frames.len() < self.limits.recursion_limit
                            && is_plain(func, argc + 1)
                        {
                            // As for CallFunction: self and the arguments
                            // move straight into the method's locals.
                            let fr = frame!();
                            let mut frame = self.new_frame(func.code.clone(), func.globals.clone());
                            frame.fast.extend(fr.stack.drain(self_pos..).map(Some));
                            frame.fast.resize(func.code.varnames.len(), None);
                            self.frames.push(frame);
                            refresh!();
                            continue;
                        }
                    }
                    let fr = frame!();
                    let mut args = fr.stack.split_off(self_pos);
                    match method {
                        Some(method) => {
                            if self.do_call(&method, args, &[])? {
                                refresh!();
                            }
                        }
                        None => {
                            let func = self.getattr(&obj, &name)?;
                            args.remove(0);
                            if self.do_call(&func, args, &[])? {
                                refresh!();
                            }
                        }
                    }
                }
                Instr::MakeFunction {
                    defaults,
                    kwdefaults,
                    closure,
                } => {
                    let code = match fr.pop() {
                        Value::Code(c) => c,
                        _ => {
                            return Err(
                                self.new_error(ExcKind::SystemError, "MakeFunction needs code")
                            )
                        }
                    };
                    let closure = if closure {
                        match fr.pop() {
                            Value::Tuple(cells) => cells
                                .iter()
                                .filter_map(|c| match c {
                                    Value::Cell(c) => Some(c.clone()),
                                    _ => None,
                                })
                                .collect(),
                            _ => Vec::new(),
                        }
                    } else {
                        Vec::<Rc<Cell>>::new()
                    };
                    let kwdefaults = if kwdefaults {
                        match fr.pop() {
                            Value::Dict(d) => Some(d),
                            _ => None,
                        }
                    } else {
                        None
                    };
                    let defaults = if defaults {
                        match fr.pop() {
                            Value::Tuple(t) => t.to_vec(),
                            _ => Vec::new(),
                        }
                    } else {
                        Vec::new()
                    };
                    let module = fr.globals.get_str("__name__").unwrap_or(Value::None);
                    let func = FunctionObj {
                        names: RefCell::new(Rc::new(Names {
                            name: code.name.as_str().into(),
                            qualname: code.qualname.as_str().into(),
                        })),
                        code,
                        globals: fr.globals.clone(),
                        defaults,
                        kwdefaults,
                        closure,
                        dict: RefCell::new(Default::default()),
                        module,
                    };
                    fr.stack.push(Value::Function(Rc::new(func)));
                }
                Instr::ReturnValue => {
                    let v = fr.pop();
                    let frame = self.frames.pop().expect("returning frame");
                    let value = match frame.return_mode {
                        ReturnMode::Push | ReturnMode::Generator => v,
                        ReturnMode::Construct(ref instance) => {
                            let instance = Value::Instance(instance.clone());
                            if !v.is_none() {
                                let tn = self.type_name(&v);
                                self.frames.push(frame);
                                return Err(self.type_error(format!(
                                    "__init__() should return None, not '{tn}'"
                                )));
                            }
                            instance
                        }
                    };
                    self.recycle_frame(frame);
                    if self.frames.len() == base {
                        return Ok(FrameExit::Return(value));
                    }
                    refresh!();
                    frame!().stack.push(value);
                    self.flush_pending_warnings();
                }
                Instr::YieldValue => {
                    let v = fr.pop();
                    return Ok(FrameExit::Yield(v));
                }
                Instr::GetYieldFromIter => {
                    let v = fr.pop();
                    let it = match &v {
                        Value::Generator(g) if g.kind == GenKind::Coroutine => {
                            if fr.code.flags & (crate::bytecode::flags::COROUTINE) == 0 {
                                return Err(self.type_error(
                                    "cannot 'yield from' a coroutine object in a non-coroutine generator",
                                ));
                            }
                            v.clone()
                        }
                        Value::Generator(_) => v.clone(),
                        Value::Native(n) if n.is_await_iterator() => v.clone(),
                        _ => self.get_iter(&v)?,
                    };
                    frame!().stack.push(it);
                }
                Instr::YieldFrom => {
                    let sent = fr.pop();
                    let sub = fr.top();
                    match self.delegate(&sub, sent)? {
                        Delegation::Yielded(v) => {
                            // Re-execute this instruction on resume.
                            frame!().ip -= 1;
                            return Ok(FrameExit::Delegated(v));
                        }
                        Delegation::Returned(v) => {
                            let fr = frame!();
                            fr.stack.pop();
                            fr.stack.push(v);
                        }
                    }
                }
                Instr::GetAwaitable => {
                    let v = fr.pop();
                    let it = self.get_awaitable(&v)?;
                    frame!().stack.push(it);
                }
                Instr::GetAiter => {
                    let v = fr.pop();
                    let it = self.get_aiter(&v)?;
                    frame!().stack.push(it);
                }
                Instr::GetAnext => {
                    let it = fr.top();
                    let aw = self.get_anext(&it)?;
                    frame!().stack.push(aw);
                }
                Instr::EndAsyncFor => {
                    let exc = fr.pop();
                    if self.is_exc_kind(&exc, ExcKind::StopAsyncIteration) {
                        let fr = frame!();
                        if let Some(block) = fr.blocks.pop() {
                            fr.stack.truncate(block.level);
                            self.exc_info = block.previous;
                        }
                        frame!().stack.pop();
                    } else {
                        return Err(PyErr::Raise(exc));
                    }
                }
                Instr::ImportName { name, level, from } => {
                    let name = fr.code.names[name as usize].clone();
                    let m = self.import_module(&name, level, from)?;
                    frame!().stack.push(m);
                }
                Instr::ImportFrom(i) => {
                    let module = fr.top();
                    let name = fr.code.names[i as usize].clone();
                    let v = self.import_from(&module, &name)?;
                    frame!().stack.push(v);
                }
                Instr::ImportStar => {
                    let module = fr.pop();
                    let ns = fr.locals.clone().unwrap_or_else(|| fr.globals.clone());
                    self.import_star(&module, &ns)?;
                }
                Instr::SetupFinally(handler) => {
                    let level = fr.stack.len();
                    if fr.blocks.capacity() == 0 {
                        // Most functions nest one block at a time: a suspended
                        // coroutine keeps a block list sized for that.
                        fr.blocks.reserve_exact(1);
                    }
                    fr.blocks.push(Block {
                        kind: BlockKind::Finally { handler },
                        level,
                        previous: None,
                    });
                }
                Instr::PopBlock => {
                    fr.blocks.pop();
                }
                Instr::PopExcept => {
                    if let Some(block) = fr.blocks.pop() {
                        fr.stack.truncate(block.level);
                        self.exc_info = block.previous;
                    }
                }
                Instr::CheckExcMatch => {
                    let typ = fr.pop();
                    let exc = fr.top();
                    let m = self.exception_matches(&exc, &typ)?;
                    frame!().stack.push(Value::Bool(m));
                }
                Instr::CheckEgMatch => {
                    let typ = fr.pop();
                    let group = fr.pop();
                    let (rest, matched) = if group.is_none() {
                        (Value::None, Value::None)
                    } else {
                        self.split_exception_group(&group, &typ)?
                    };
                    if !matched.is_none() {
                        self.exc_info = Some(matched.clone());
                    }
                    let fr = frame!();
                    fr.stack.push(rest);
                    fr.stack.push(matched);
                }
                Instr::PrepReraiseStar(n) => {
                    let raised = fr.stack.split_off(fr.stack.len() - n as usize);
                    let orig = fr.pop();
                    if let Some(exc) = self.prep_reraise_star(&orig, raised)? {
                        return Err(PyErr::Raise(exc));
                    }
                }
                Instr::Raise(kind) => {
                    let exc = match kind {
                        RaiseKind::Reraise => match self.exc_info.clone() {
                            Some(e) => e,
                            None => {
                                return Err(self.new_error(
                                    ExcKind::RuntimeError,
                                    "No active exception to reraise",
                                ))
                            }
                        },
                        RaiseKind::Raise => {
                            let v = fr.pop();
                            self.make_exception(v, None)?
                        }
                        RaiseKind::RaiseFrom => {
                            let cause = fr.pop();
                            let v = fr.pop();
                            self.make_exception(v, Some(cause))?
                        }
                    };
                    return Err(PyErr::Raise(exc));
                }
                Instr::Reraise => {
                    let exc = fr.pop();
                    return Err(PyErr::Raise(exc));
                }
                Instr::BeforeWith => {
                    let ctx = fr.pop();
                    let exit =
                        self.special_method(&ctx, "__exit__", "the context manager protocol")?;
                    let enter =
                        self.special_method(&ctx, "__enter__", "the context manager protocol")?;
                    frame!().stack.push(exit);
                    let v = self.call0(&enter)?;
                    frame!().stack.push(v);
                }
                Instr::BeforeAsyncWith => {
                    let ctx = fr.pop();
                    let exit = self.special_method(
                        &ctx,
                        "__aexit__",
                        "the asynchronous context manager protocol",
                    )?;
                    let enter = self.special_method(
                        &ctx,
                        "__aenter__",
                        "the asynchronous context manager protocol",
                    )?;
                    frame!().stack.push(exit);
                    let v = self.call0(&enter)?;
                    frame!().stack.push(v);
                }
                Instr::CallExit => {
                    let exit = fr.pop();
                    let v = self.call(&exit, vec![Value::None, Value::None, Value::None], &[])?;
                    frame!().stack.push(v);
                }
                Instr::WithExceptStart => {
                    let exc = fr.top();
                    let exit = fr.stack[fr.stack.len() - 2].clone();
                    let typ = Value::Type(self.type_of(&exc));
                    let tb = Value::None;
                    let v = self.call(&exit, vec![typ, exc, tb], &[])?;
                    frame!().stack.push(v);
                }
                Instr::LoadBuildClass => {
                    fr.stack.push(Value::Builtin(Rc::new(BuiltinFunction {
                        name: "__build_class__",
                        qualname: "__build_class__".into(),
                        func: crate::vm::builtins::build_class,
                        bound_self: None,
                    })));
                }
                Instr::LoadLocals => {
                    let l = fr.locals.clone().unwrap_or_else(|| fr.globals.clone());
                    fr.stack.push(Value::Dict(l));
                }
                Instr::LoadAssertionError => {
                    let t = self.exc_type(ExcKind::AssertionError).clone();
                    frame!().stack.push(Value::Type(t));
                }
                Instr::SetupAnnotations => {
                    let ns = fr.locals.clone().unwrap_or_else(|| fr.globals.clone());
                    if ns.get_str("__annotations__").is_none() {
                        ns.set_str("__annotations__", Value::Dict(DictObj::new()));
                    }
                }
                Instr::StoreAnnotation(i) => {
                    let ann = fr.pop();
                    let name = fr.code.names[i as usize].clone();
                    let ns = fr.locals.clone().unwrap_or_else(|| fr.globals.clone());
                    if let Some(Value::Dict(d)) = ns.get_str("__annotations__") {
                        d.set_str(&name, ann);
                    }
                }
            }
        }
    }

    /// Performs a call from the instruction loop. Returns true when a new
    /// frame was pushed (the loop must switch to it).
    fn do_call(
        &mut self,
        func: &Value,
        args: Vec<Value>,
        kwargs: &[(Rc<str>, Value)],
    ) -> PyResult<bool> {
        match self.prepare_call(func, args, kwargs)? {
            CallOutcome::Value(v) => {
                let fr = self.frames.last_mut().expect("caller frame");
                fr.stack.push(v);
                self.flush_pending_warnings();
                Ok(false)
            }
            CallOutcome::Frame(frame) => {
                if self.frames.len() >= self.limits.recursion_limit {
                    return Err(
                        self.new_error(ExcKind::RecursionError, "maximum recursion depth exceeded")
                    );
                }
                self.frames.push(frame);
                Ok(true)
            }
        }
    }

    fn split_kwargs(&mut self, args: &mut Vec<Value>, names: &Value) -> Vec<(Rc<str>, Value)> {
        let Value::Tuple(names) = names else {
            return Vec::new();
        };
        let values = args.split_off(args.len() - names.len());
        names
            .iter()
            .zip(values)
            .map(|(n, v)| {
                let name: Rc<str> = match n {
                    Value::Str(s) => s.as_str().into(),
                    _ => "".into(),
                };
                (name, v)
            })
            .collect()
    }

    fn load_global(&mut self, fr: &Frame, i: u32) -> PyResult<Value> {
        let name = &fr.code.names[i as usize];
        if let Some(v) = fr.globals.get_str(name) {
            return Ok(v);
        }
        if let Some(v) = self.builtins.get_str(name) {
            return Ok(v);
        }
        let name = name.clone();
        // The "Did you mean" part is added when the error is displayed.
        Err(self.new_name_error(format!("name '{name}' is not defined"), &name))
    }

    fn unbound_deref(&mut self, i: u32) -> PyErr {
        let fr = self.frames.last().expect("frame");
        let idx = i as usize;
        if idx < fr.code.cellvars.len() {
            let name = fr.code.cellvars[idx].clone();
            self.new_error(
                ExcKind::UnboundLocalError,
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        } else {
            let name = fr.code.freevars[idx - fr.code.cellvars.len()].clone();
            self.new_error(
                ExcKind::NameError,
                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            )
        }
    }

    fn star_error(&mut self, err: PyErr, value: &Value, _what: &str) -> PyErr {
        match err {
            PyErr::Raise(e)
                if self.is_exc_kind(&e, ExcKind::TypeError) && !self.has_iter(value) =>
            {
                let tn = self.type_name(value);
                self.type_error(format!("Value after * must be an iterable, not {tn}"))
            }
            other => other,
        }
    }
}

use std::cell::RefCell;

/// What delegating to a sub-iterator (`yield from` / `await`) produced.
pub enum Delegation {
    Yielded(Value),
    Returned(Value),
}

impl Vm {
    /// Raises `exc` in the frame on top (already pushed at `base`) and
    /// runs on from its handler, if it has one.
    pub(crate) fn continue_after_raise(&mut self, base: usize, exc: Value) -> PyResult<FrameExit> {
        match self.unwind(base, exc)? {
            Some(exit) => Ok(exit),
            None => self.execute(base),
        }
    }
}

impl Vm {
    /// Runs the frames above `base` (already pushed) until the one at `base` exits.
    pub(crate) fn execute_from(&mut self, base: usize) -> PyResult<FrameExit> {
        self.execute(base)
    }
}

/// Finished frames kept for reuse, so a call allocates nothing in the
/// common case.
const FRAME_POOL_SIZE: usize = 64;

impl Vm {
    fn recycle_frame(&mut self, mut frame: Box<Frame>) {
        if self.frame_pool.len() < FRAME_POOL_SIZE {
            frame.stack.clear();
            frame.fast.clear();
            frame.cells.clear();
            frame.blocks.clear();
            frame.locals = None;
            self.frame_pool.push(frame);
        }
    }

    /// A frame for `code`, reusing a finished one's storage when possible.
    pub(crate) fn new_frame(
        &mut self,
        code: Rc<crate::bytecode::CodeObject>,
        globals: Rc<DictObj>,
    ) -> Box<Frame> {
        match self.frame_pool.pop() {
            Some(mut frame) => {
                frame.code = code;
                frame.ip = 0;
                frame.globals = globals;
                frame.return_mode = ReturnMode::Push;
                frame
            }
            None => Box::new(Frame {
                code,
                ip: 0,
                stack: Vec::with_capacity(4),
                fast: Vec::new(),
                cells: Vec::new(),
                blocks: Vec::new(),
                globals,
                locals: None,
                return_mode: ReturnMode::Push,
            }),
        }
    }
}

/// A call that binds exactly the positional parameters of an ordinary
/// (non-generator) function without cells: no checks or defaults needed.
fn is_plain(func: &FunctionObj, argc: usize) -> bool {
    use crate::bytecode::flags;
    let code = &func.code;
    code.argcount as usize == argc
        && code.kwonlyargcount == 0
        && code.flags
            & (flags::VARARGS
                | flags::VARKEYWORDS
                | flags::GENERATOR
                | flags::COROUTINE
                | flags::ASYNC_GENERATOR)
            == 0
        && code.cellvars.is_empty()
        && func.closure.is_empty()
}
