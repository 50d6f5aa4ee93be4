//! Heap frames: the whole state of one running Python function, so that it
//! can be suspended (generators, coroutines, simulated threads) by moving
//! the box somewhere else.

use std::rc::Rc;

use crate::bytecode::CodeObject;
use crate::value::Value;
use crate::vm::objects::{Cell, DictObj, Instance};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A `try` (or `with`, `async for`) body: exceptions jump to `handler`.
    Finally { handler: u32 },
    /// An exception is being handled; leaving restores `previous`.
    ExceptHandler,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    /// Value-stack height to restore when the block is unwound.
    pub level: usize,
    /// For except handlers: the exception that was being handled before.
    pub previous: Option<Value>,
}

/// What happens with the value a frame returns.
pub enum ReturnMode {
    /// Push it onto the caller's stack (ordinary calls).
    Push,
    /// `__init__` of a class instantiation: check it is None, push the
    /// instance (of a user class, so always an `Instance`; a pointer keeps
    /// every frame 16 bytes smaller than a `Value` would).
    Construct(Rc<Instance>),
    /// The frame belongs to a generator: `resume` takes the result.
    Generator,
}

pub struct Frame {
    pub code: Rc<CodeObject>,
    /// Index of the next instruction.
    pub ip: usize,
    pub stack: Vec<Value>,
    pub fast: Vec<Option<Value>>,
    /// Cellvars, then freevars.
    pub cells: Vec<Rc<Cell>>,
    pub blocks: Vec<Block>,
    pub globals: Rc<DictObj>,
    /// Module and class bodies keep names in a dict.
    pub locals: Option<Rc<DictObj>>,
    pub return_mode: ReturnMode,
}

impl Frame {
    /// The index of the instruction being executed (for tracebacks).
    pub fn current_instr(&self) -> usize {
        self.ip.saturating_sub(1)
    }

    /// The line of the instruction being executed.
    pub fn current_line(&self, line_of: impl Fn(u32) -> usize) -> usize {
        let loc = self.code.locations.get(self.current_instr());
        loc.map(|l| line_of(l.span.start)).unwrap_or(0)
    }

    #[inline]
    pub fn pop(&mut self) -> Value {
        // The compiler guarantees balanced stacks; an empty pop is a VM bug
        // we report as None rather than crash on.
        self.stack.pop().unwrap_or(Value::None)
    }

    #[inline]
    pub fn top(&self) -> Value {
        self.stack.last().cloned().unwrap_or(Value::None)
    }
}
