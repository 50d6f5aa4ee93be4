//! Blocks that `return`/`break`/`continue` must leave cleanly (CPython's
//! fblocks and compiler_unwind_fblock), and the statements that create
//! them: loops, `try` (except, except*, finally) and `with`.
//!
//! Jumps out of a block are compiled inline: `finally` bodies are copied
//! onto each exit path, handler blocks are left with `PopExcept`, and `with`
//! blocks call `__exit__(None, None, None)`.

use super::codegen::{error, Compiler, Ctx, Label, Result, UnitKind};
use crate::ast::{ExceptHandler, Expr, Span, Stmt, WithItem};
use crate::bytecode::{Instr, RaiseKind};

#[derive(Clone, Copy)]
pub(super) enum FBlockKind<'a> {
    WhileLoop,
    /// The iterator is on the stack.
    ForLoop,
    /// The body of a `try` with except handlers: a `SetupFinally` block.
    TryExcept,
    /// The body of a `try` with a `finally`.
    FinallyTry(&'a [Stmt]),
    /// The exceptional copy of a `finally` body: [exc] on the stack and an
    /// except-handler block active.
    FinallyEnd,
    /// A `with` body: [exit] on the stack and a `SetupFinally` block.
    With {
        is_async: bool,
    },
    /// An except handler's body; with `as name`, also the cleanup block.
    HandlerCleanup(Option<&'a str>),
    /// An `except*` handler's body: exits are SyntaxErrors.
    ExceptStarHandler,
    /// A return value kept on the stack while a `finally` body runs inline.
    PopValue,
}

#[derive(Clone, Copy)]
pub(super) struct FBlock<'a> {
    pub kind: FBlockKind<'a>,
    /// Where `continue` goes (loops).
    pub start: Option<Label>,
    /// Where `break` goes (loops).
    pub exit: Option<Label>,
}

impl<'a> Compiler<'a> {
    fn push_fblock(&mut self, kind: FBlockKind<'a>, start: Option<Label>, exit: Option<Label>) {
        self.u().fblocks.push(FBlock { kind, start, exit });
    }

    fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    /// Emits the code that leaves one block. With `preserve_tos` the value
    /// on top of the stack (a return value) must survive.
    fn unwind_fblock(&mut self, block: FBlock<'a>, preserve_tos: bool) -> Result<()> {
        match block.kind {
            FBlockKind::WhileLoop | FBlockKind::ExceptStarHandler => {}
            FBlockKind::ForLoop | FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
            }
            FBlockKind::TryExcept => self.emit(Instr::PopBlock),
            FBlockKind::FinallyTry(body) => {
                self.emit(Instr::PopBlock);
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, None, None);
                }
                self.stmts(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
            }
            FBlockKind::FinallyEnd => self.pop_except(preserve_tos),
            FBlockKind::With { is_async } => {
                self.emit(Instr::PopBlock);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::CallExit);
                if is_async {
                    self.await_top();
                }
                self.emit(Instr::PopTop);
            }
            FBlockKind::HandlerCleanup(name) => {
                if name.is_some() {
                    self.emit(Instr::PopBlock);
                }
                self.pop_except(preserve_tos);
                if let Some(name) = name {
                    self.clear_name(name);
                }
            }
        }
        Ok(())
    }

    /// `PopExcept`, keeping the top of the stack in a hidden local when it
    /// must survive (PopExcept truncates the stack to the handler's level).
    fn pop_except(&mut self, preserve_tos: bool) {
        if preserve_tos {
            let tmp = self.return_temp();
            self.emit(Instr::StoreFast(tmp));
            self.emit(Instr::PopExcept);
            self.emit(Instr::LoadFast(tmp));
        } else {
            self.emit(Instr::PopExcept);
        }
    }

    /// `name = None; del name` (end of `except ... as name`).
    fn clear_name(&mut self, name: &str) {
        self.load_none();
        self.name_op(name, Ctx::Store);
        self.name_op(name, Ctx::Del);
    }

    /// Unwinds every block up to the innermost loop (when `to_loop`) or all
    /// of them, returning that loop. `err_span` locates the except* error.
    fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        to_loop: bool,
        err_span: Span,
    ) -> Result<Option<FBlock<'a>>> {
        let Some(&top) = self.unit().fblocks.last() else {
            return Ok(None);
        };
        match top.kind {
            FBlockKind::ExceptStarHandler => {
                return Err(error(
                    "'break', 'continue' and 'return' cannot appear in an except* block",
                    err_span,
                ))
            }
            FBlockKind::WhileLoop | FBlockKind::ForLoop if to_loop => return Ok(Some(top)),
            _ => {}
        }
        self.pop_fblock();
        let result = self
            .unwind_fblock(top, preserve_tos)
            .and_then(|_| self.unwind_fblock_stack(preserve_tos, to_loop, err_span));
        self.u().fblocks.push(top);
        result
    }

    pub fn compile_return(&mut self, value: Option<&'a Expr>, span: Span) -> Result<()> {
        let kind = self.unit().kind;
        if !matches!(kind, UnitKind::Function | UnitKind::AsyncFunction) {
            return Err(error("'return' outside function", span));
        }
        let flags = self.unit().flags;
        if value.is_some() && flags & crate::bytecode::flags::ASYNC_GENERATOR != 0 {
            return Err(error("'return' with value in async generator", span));
        }
        let err_span = value.map_or(span, |v| v.span);
        if let Some(v) = value {
            self.expr(v)?;
        }
        let saved = self.set_loc(span);
        self.unwind_fblock_stack(value.is_some(), false, err_span)?;
        if value.is_none() {
            self.load_none();
        }
        self.emit(Instr::ReturnValue);
        self.restore_loc(saved);
        Ok(())
    }

    pub fn compile_break(&mut self, span: Span) -> Result<()> {
        let Some(block) = self.unwind_fblock_stack(false, true, span)? else {
            return Err(error("'break' outside loop", span));
        };
        self.unwind_fblock(block, false)?;
        self.emit_jump(Instr::Jump, block.exit.expect("loops have an exit"));
        Ok(())
    }

    pub fn compile_continue(&mut self, span: Span) -> Result<()> {
        let Some(block) = self.unwind_fblock_stack(false, true, span)? else {
            return Err(error("'continue' not properly in loop", span));
        };
        self.emit_jump(Instr::Jump, block.start.expect("loops have a start"));
        Ok(())
    }

    // ----- loops -------------------------------------------------------

    pub fn compile_while(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<()> {
        let start = self.new_label();
        let orelse_label = self.new_label();
        let end = self.new_label();
        self.bind(start);
        let always = matches!(
            test.node,
            crate::ast::ExprKind::Constant(crate::ast::Constant::True)
        );
        if !always {
            self.jump_if(test, false, orelse_label)?;
        }
        self.push_fblock(FBlockKind::WhileLoop, Some(start), Some(end));
        self.stmts(body)?;
        self.pop_fblock();
        self.emit_jump(Instr::Jump, start);
        self.bind(orelse_label);
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    pub fn compile_for(
        &mut self,
        stmt_span: Span,
        is_async: bool,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<()> {
        if is_async && self.unit().kind != UnitKind::AsyncFunction {
            return Err(error("'async for' outside async function", stmt_span));
        }
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.expr(iter)?;
        let saved = self.set_loc(stmt_span);
        if is_async {
            self.emit(Instr::GetAiter);
            self.bind(start);
            self.emit_jump(Instr::SetupFinally, cleanup);
            self.emit(Instr::GetAnext);
            self.await_top();
            self.emit(Instr::PopBlock);
        } else {
            self.emit(Instr::GetIter);
            self.bind(start);
            self.emit_jump(Instr::ForIter, cleanup);
        }
        self.restore_loc(saved);
        self.store_target(target)?;
        self.push_fblock(FBlockKind::ForLoop, Some(start), Some(end));
        self.stmts(body)?;
        self.pop_fblock();
        self.emit_jump(Instr::Jump, start);
        self.bind(cleanup);
        if is_async {
            let saved = self.set_loc(stmt_span);
            self.emit(Instr::EndAsyncFor);
            self.restore_loc(saved);
        }
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `await` of the awaitable on top: [awaitable] -> [result].
    pub fn await_top(&mut self) {
        self.emit(Instr::GetAwaitable);
        self.load_none();
        self.emit(Instr::YieldFrom);
    }

    // ----- try ---------------------------------------------------------

    pub fn compile_try(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        is_star: bool,
    ) -> Result<()> {
        if finalbody.is_empty() {
            return self.try_except(body, handlers, orelse, is_star);
        }
        let handler = self.new_label();
        let end = self.new_label();
        self.emit_jump(Instr::SetupFinally, handler);
        self.push_fblock(FBlockKind::FinallyTry(finalbody), None, None);
        if handlers.is_empty() {
            self.stmts(body)?;
        } else {
            self.try_except(body, handlers, orelse, is_star)?;
        }
        self.pop_fblock();
        self.emit(Instr::PopBlock);
        self.stmts(finalbody)?;
        self.emit_jump(Instr::Jump, end);
        self.bind(handler);
        self.push_fblock(FBlockKind::FinallyEnd, None, None);
        self.stmts(finalbody)?;
        self.pop_fblock();
        self.emit(Instr::Reraise);
        self.bind(end);
        Ok(())
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        is_star: bool,
    ) -> Result<()> {
        let handler = self.new_label();
        let end = self.new_label();
        self.emit_jump(Instr::SetupFinally, handler);
        self.push_fblock(FBlockKind::TryExcept, None, None);
        self.stmts(body)?;
        self.pop_fblock();
        self.emit(Instr::PopBlock);
        self.stmts(orelse)?;
        self.emit_jump(Instr::Jump, end);
        self.bind(handler);
        if is_star {
            self.except_star_handlers(handlers, end)?;
        } else {
            self.except_handlers(handlers, end)?;
        }
        self.bind(end);
        Ok(())
    }

    /// At entry: [exc] with an except-handler block active.
    fn except_handlers(&mut self, handlers: &'a [ExceptHandler], end: Label) -> Result<()> {
        for (i, h) in handlers.iter().enumerate() {
            let saved = self.set_loc(h.span);
            let next = self.new_label();
            match &h.typ {
                Some(typ) => {
                    self.expr(typ)?;
                    self.emit(Instr::CheckExcMatch);
                    self.emit_jump(Instr::PopJumpIfFalse, next);
                }
                None if i + 1 < handlers.len() => {
                    return Err(error("default 'except:' must be last", h.span));
                }
                None => {}
            }
            match &h.name {
                Some(name) => {
                    self.check_debug_store(&name.node, h.span)?;
                    self.name_op(&name.node, Ctx::Store);
                    let cleanup = self.new_label();
                    self.emit_jump(Instr::SetupFinally, cleanup);
                    self.push_fblock(FBlockKind::HandlerCleanup(Some(&name.node)), None, None);
                    self.stmts(&h.body)?;
                    self.pop_fblock();
                    self.emit(Instr::PopBlock);
                    self.clear_name(&name.node);
                    self.emit(Instr::PopExcept);
                    self.emit_jump(Instr::Jump, end);
                    self.bind(cleanup);
                    self.clear_name(&name.node);
                    self.emit(Instr::Reraise);
                }
                None => {
                    self.emit(Instr::PopTop);
                    self.push_fblock(FBlockKind::HandlerCleanup(None), None, None);
                    self.stmts(&h.body)?;
                    self.pop_fblock();
                    self.emit(Instr::PopExcept);
                    self.emit_jump(Instr::Jump, end);
                }
            }
            self.bind(next);
            self.restore_loc(saved);
        }
        self.emit(Instr::Reraise);
        Ok(())
    }

    /// `except*` handlers, keeping one result slot per handler on the stack
    /// (see the bytecode docs). At entry: [eg].
    fn except_star_handlers(&mut self, handlers: &'a [ExceptHandler], end: Label) -> Result<()> {
        // [orig, rest]
        self.emit(Instr::Copy(1));
        for h in handlers {
            let saved = self.set_loc(h.span);
            let Some(typ) = &h.typ else {
                return Err(error("expected one or more exception types", h.span));
            };
            let no_match = self.new_label();
            let next = self.new_label();
            self.expr(typ)?;
            // [.., rest, type] -> [.., rest, matched]
            self.emit(Instr::CheckEgMatch);
            self.emit(Instr::Copy(1));
            self.load_none();
            self.emit(Instr::CompareOp(crate::ast::CmpOp::Is));
            self.emit_jump(Instr::PopJumpIfTrue, no_match);
            match &h.name {
                Some(name) => {
                    self.check_debug_store(&name.node, h.span)?;
                    self.name_op(&name.node, Ctx::Store);
                }
                None => self.emit(Instr::PopTop),
            }
            // The handler's result slot: None unless its body raises.
            self.load_none();
            let raised = self.new_label();
            self.emit_jump(Instr::SetupFinally, raised);
            self.push_fblock(FBlockKind::ExceptStarHandler, None, None);
            self.stmts(&h.body)?;
            self.pop_fblock();
            self.emit(Instr::PopBlock);
            if let Some(name) = &h.name {
                self.clear_name(&name.node);
            }
            self.emit_jump(Instr::Jump, next);
            // [.., rest, None, raised_exc]
            self.bind(raised);
            if let Some(name) = &h.name {
                self.clear_name(&name.node);
            }
            self.emit(Instr::Swap(2));
            self.emit(Instr::PopExcept);
            self.emit_jump(Instr::Jump, next);
            // [.., rest, None]: the None doubles as the slot.
            self.bind(no_match);
            self.bind(next);
            // [.., rest, slot] -> [.., slot, rest]
            self.emit(Instr::Swap(2));
            self.restore_loc(saved);
        }
        // [orig, slot1..slotn, rest]
        self.emit(Instr::PrepReraiseStar(handlers.len() as u32 + 1));
        self.emit(Instr::PopExcept);
        self.emit_jump(Instr::Jump, end);
        Ok(())
    }

    // ----- with --------------------------------------------------------

    pub fn compile_with(
        &mut self,
        stmt_span: Span,
        is_async: bool,
        items: &'a [WithItem],
        body: &'a [Stmt],
    ) -> Result<()> {
        if is_async && self.unit().kind != UnitKind::AsyncFunction {
            return Err(error("'async with' outside async function", stmt_span));
        }
        self.with_item(stmt_span, is_async, items, body)
    }

    fn with_item(
        &mut self,
        stmt_span: Span,
        is_async: bool,
        items: &'a [WithItem],
        body: &'a [Stmt],
    ) -> Result<()> {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        self.expr(&item.context)?;
        let saved = self.set_loc(stmt_span);
        if is_async {
            self.emit(Instr::BeforeAsyncWith);
            self.await_top();
        } else {
            self.emit(Instr::BeforeWith);
        }
        self.restore_loc(saved);
        match &item.target {
            Some(t) => self.store_target(t)?,
            None => self.emit(Instr::PopTop),
        }
        let handler = self.new_label();
        let end = self.new_label();
        self.emit_jump(Instr::SetupFinally, handler);
        self.push_fblock(FBlockKind::With { is_async }, None, None);
        self.with_item(stmt_span, is_async, rest, body)?;
        self.pop_fblock();
        let saved = self.set_loc(stmt_span);
        self.emit(Instr::PopBlock);
        self.emit(Instr::CallExit);
        if is_async {
            self.await_top();
        }
        self.emit(Instr::PopTop);
        self.emit_jump(Instr::Jump, end);
        // [exit, exc]
        self.bind(handler);
        self.emit(Instr::WithExceptStart);
        if is_async {
            self.await_top();
        }
        let suppress = self.new_label();
        self.emit_jump(Instr::PopJumpIfTrue, suppress);
        self.emit(Instr::Reraise);
        self.bind(suppress);
        self.emit(Instr::PopExcept);
        self.emit(Instr::PopTop);
        self.restore_loc(saved);
        self.bind(end);
        Ok(())
    }

    pub fn compile_raise(
        &mut self,
        exc: Option<&'a Expr>,
        cause: Option<&'a Expr>,
        span: Span,
    ) -> Result<()> {
        let kind = match (exc, cause) {
            (None, _) => RaiseKind::Reraise,
            (Some(e), None) => {
                self.expr(e)?;
                RaiseKind::Raise
            }
            (Some(e), Some(c)) => {
                self.expr(e)?;
                self.expr(c)?;
                RaiseKind::RaiseFrom
            }
        };
        self.emit_span(Instr::Raise(kind), span);
        Ok(())
    }
}
