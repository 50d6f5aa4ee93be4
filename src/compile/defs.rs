//! Code objects nested in other code: functions, lambdas, classes and
//! comprehensions, and the closures and defaults they are built with.

use std::rc::Rc;

use super::codegen::{docstring, error, Compiler, Ctx, Result, UnitKind};
use super::symtable::{all_params, ScopeId};
use crate::ast::{ClassDef, Comprehension, Expr, FunctionDef, Parameters, Span};
use crate::bytecode::{flags, CodeObject, Instr};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

impl CompKind {
    fn code_name(self) -> &'static str {
        match self {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Generator => "<genexpr>",
        }
    }
}

impl<'a> Compiler<'a> {
    /// `def`: decorators, defaults, (annotations, evaluated and dropped),
    /// the function, then the decorator calls innermost first.
    pub fn function_def(&mut self, f: &'a FunctionDef, span: Span) -> Result<()> {
        self.check_debug_store(&f.name.node, span)?;
        for p in all_params(&f.params) {
            self.check_debug_store(&p.name.node, span)?;
        }
        for d in &f.decorators {
            self.expr(d)?;
        }
        let (defaults, kwdefaults) = self.defaults(&f.params)?;
        let scope = self.table.function_scope(f, span)?;
        let kind = if f.is_async {
            UnitKind::AsyncFunction
        } else {
            UnitKind::Function
        };
        let first = f.decorators.first().map_or(span.start, |d| d.span.start);
        let firstlineno = self.line_of(first);
        self.enter_unit(kind, scope, &f.name.node, span, firstlineno);
        self.set_signature(&f.params, scope, f.is_async);
        let body = match docstring(&f.body) {
            Some(doc) => {
                self.set_docstring(doc);
                &f.body[1..]
            }
            None => &f.body[..],
        };
        let result = self.stmts(body);
        self.return_none();
        let code = self.finish_unit();
        result?;
        self.make_closure(code, defaults, kwdefaults, span)?;
        self.store_annotations(f)?;
        for d in f.decorators.iter().rev() {
            self.emit_span(Instr::CallFunction(1), d.span);
        }
        self.name_op(&f.name.node, Ctx::Store);
        Ok(())
    }

    /// `f.__annotations__ = {param: annotation, ..., 'return': ...}` on the
    /// function on top of the stack, evaluated in the enclosing scope.
    fn store_annotations(&mut self, f: &'a FunctionDef) -> Result<()> {
        let annotated =
            all_params(&f.params).any(|p| p.annotation.is_some()) || f.returns.is_some();
        if self.table.future_annotations || !annotated {
            return Ok(());
        }
        let mut count = 0;
        self.emit(Instr::Copy(1));
        for p in all_params(&f.params) {
            if let Some(a) = &p.annotation {
                let name = self.mangle(&p.name.node);
                self.load_str(&name);
                self.expr(a)?;
                count += 1;
            }
        }
        if let Some(r) = &f.returns {
            self.load_str("return");
            self.expr(r)?;
            count += 1;
        }
        self.emit(Instr::BuildMap(count));
        self.emit(Instr::Swap(2));
        let idx = self.name_idx("__annotations__");
        self.emit(Instr::StoreAttr(idx));
        Ok(())
    }

    pub fn lambda(&mut self, e: &'a Expr, params: &'a Parameters, body: &'a Expr) -> Result<()> {
        for p in all_params(params) {
            self.check_debug_store(&p.name.node, e.span)?;
        }
        let (defaults, kwdefaults) = self.defaults(params)?;
        let scope = self.table.expr_scope(e)?;
        let firstlineno = self.line_of(e.span.start);
        self.enter_unit(UnitKind::Lambda, scope, "<lambda>", e.span, firstlineno);
        self.set_signature(params, scope, false);
        let result = self.expr(body);
        if self.table.scope(scope).is_generator {
            self.emit(Instr::PopTop);
            self.return_none();
        } else {
            self.emit(Instr::ReturnValue);
        }
        let code = self.finish_unit();
        result?;
        self.make_closure(code, defaults, kwdefaults, e.span)
    }

    /// Argument counts and code flags of a function or lambda unit.
    fn set_signature(&mut self, params: &Parameters, scope: ScopeId, is_async: bool) {
        let s = self.table.scope(scope);
        let mut code_flags = 0;
        if s.nested {
            code_flags |= flags::NESTED;
        }
        if params.vararg.is_some() {
            code_flags |= flags::VARARGS;
        }
        if params.kwarg.is_some() {
            code_flags |= flags::VARKEYWORDS;
        }
        code_flags |= match (is_async, s.is_generator) {
            (true, true) => flags::ASYNC_GENERATOR,
            (true, false) => flags::COROUTINE,
            (false, true) => flags::GENERATOR,
            (false, false) => 0,
        };
        let u = self.u();
        u.flags = code_flags;
        u.posonlyargcount = params.posonly.len() as u32;
        u.argcount = (params.posonly.len() + params.args.len()) as u32;
        u.kwonlyargcount = params.kwonly.len() as u32;
    }

    /// Pushes the positional-defaults tuple and keyword-only-defaults dict
    /// when there are any; returns which were pushed.
    fn defaults(&mut self, params: &'a Parameters) -> Result<(bool, bool)> {
        let positional: Vec<&Expr> = params
            .posonly
            .iter()
            .chain(&params.args)
            .filter_map(|p| p.default.as_ref())
            .collect();
        for d in &positional {
            self.expr(d)?;
        }
        if !positional.is_empty() {
            self.emit(Instr::BuildTuple(positional.len() as u32));
        }
        let mut kw_count = 0;
        for p in &params.kwonly {
            if let Some(d) = &p.default {
                let name = self.mangle(&p.name.node);
                self.load_str(&name);
                self.expr(d)?;
                kw_count += 1;
            }
        }
        if kw_count > 0 {
            self.emit(Instr::BuildMap(kw_count));
        }
        Ok((!positional.is_empty(), kw_count > 0))
    }

    /// [defaults?, kwdefaults?] -> [function], passing the cells the code's
    /// free variables refer to.
    fn make_closure(
        &mut self,
        code: Rc<CodeObject>,
        defaults: bool,
        kwdefaults: bool,
        span: Span,
    ) -> Result<()> {
        let saved = self.set_loc(span);
        let closure = !code.freevars.is_empty();
        for name in &code.freevars {
            let Some(idx) = self.closure_index(name) else {
                return Err(error(
                    format!("kairos compiler: no cell for free variable '{name}'"),
                    span,
                ));
            };
            self.emit(Instr::LoadClosure(idx));
        }
        if closure {
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
        }
        self.load_code(code);
        self.emit(Instr::MakeFunction {
            defaults,
            kwdefaults,
            closure,
        });
        self.restore_loc(saved);
        Ok(())
    }

    /// `class`: `__build_class__(function, name, *bases, **keywords)`, then
    /// the decorators.
    pub fn class_def(&mut self, c: &'a ClassDef, span: Span) -> Result<()> {
        self.check_debug_store(&c.name.node, span)?;
        for d in &c.decorators {
            self.expr(d)?;
        }
        self.emit(Instr::LoadBuildClass);
        let scope = self.table.class_scope(c, span)?;
        let first = c.decorators.first().map_or(span.start, |d| d.span.start);
        let firstlineno = self.line_of(first);
        self.enter_unit(UnitKind::Class, scope, &c.name.node, span, firstlineno);
        let result = self.class_body(c, scope);
        let code = self.finish_unit();
        result?;
        self.make_closure(code, false, false, span)?;
        self.load_str(&c.name.node);
        self.call_helper(2, &c.bases, &c.keywords, span)?;
        for d in c.decorators.iter().rev() {
            self.emit_span(Instr::CallFunction(1), d.span);
        }
        self.name_op(&c.name.node, Ctx::Store);
        Ok(())
    }

    fn class_body(&mut self, c: &'a ClassDef, scope: ScopeId) -> Result<()> {
        self.name_op("__name__", Ctx::Load);
        self.name_op("__module__", Ctx::Store);
        let qualname = self.unit().qualname.clone();
        self.load_str(&qualname);
        self.name_op("__qualname__", Ctx::Store);
        self.namespace_body(&c.body)?;
        if self.table.scope(scope).needs_class_closure {
            // The class cell, for zero-argument super() and __class__;
            // __build_class__ fills it with the new class.
            self.emit(Instr::LoadClosure(0));
            self.name_op("__classcell__", Ctx::Store);
        }
        self.return_none();
        Ok(())
    }

    /// A comprehension runs as a nested function called with the iterator
    /// of its first iterable, which is evaluated in the enclosing scope.
    pub fn comprehension(
        &mut self,
        e: &'a Expr,
        kind: CompKind,
        generators: &'a [Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> Result<()> {
        let Some(outermost) = generators.first() else {
            return Err(error("comprehension without a 'for'", e.span));
        };
        let scope = self.table.expr_scope(e)?;
        let is_async = self.table.scope(scope).is_coroutine;
        let outer_kind = self.unit().kind;
        if is_async
            && kind != CompKind::Generator
            && !matches!(
                outer_kind,
                UnitKind::AsyncFunction | UnitKind::Comprehension
            )
        {
            return Err(error(
                "asynchronous comprehension outside of an asynchronous function",
                e.span,
            ));
        }
        let firstlineno = self.line_of(e.span.start);
        self.enter_unit(
            UnitKind::Comprehension,
            scope,
            kind.code_name(),
            e.span,
            firstlineno,
        );
        let mut code_flags = if self.table.scope(scope).nested {
            flags::NESTED
        } else {
            0
        };
        code_flags |= match (kind == CompKind::Generator, is_async) {
            (true, true) => flags::ASYNC_GENERATOR,
            (true, false) => flags::GENERATOR,
            (false, true) => flags::COROUTINE,
            (false, false) => 0,
        };
        let u = self.u();
        u.flags = code_flags;
        u.argcount = 1;
        match kind {
            CompKind::List => self.emit(Instr::BuildList(0)),
            CompKind::Set => self.emit(Instr::BuildSet(0)),
            CompKind::Dict => self.emit(Instr::BuildMap(0)),
            CompKind::Generator => {}
        }
        let result = self.comp_generator(kind, generators, 0, elt, value);
        if kind == CompKind::Generator {
            self.return_none();
        } else {
            self.emit(Instr::ReturnValue);
        }
        let code = self.finish_unit();
        result?;
        self.make_closure(code, false, false, e.span)?;
        self.expr(&outermost.iter)?;
        self.emit(if outermost.is_async {
            Instr::GetAiter
        } else {
            Instr::GetIter
        });
        self.emit(Instr::CallFunction(1));
        if is_async && kind != CompKind::Generator {
            self.await_top();
        }
        Ok(())
    }

    /// One `for` clause of a comprehension body and, inside it, the rest.
    fn comp_generator(
        &mut self,
        kind: CompKind,
        generators: &'a [Comprehension],
        index: usize,
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> Result<()> {
        let gen = &generators[index];
        if index == 0 {
            self.emit(Instr::LoadFast(0));
        } else {
            self.expr(&gen.iter)?;
            self.emit(if gen.is_async {
                Instr::GetAiter
            } else {
                Instr::GetIter
            });
        }
        let start = self.new_label();
        let end = self.new_label();
        self.bind(start);
        if gen.is_async {
            self.emit_jump(Instr::SetupFinally, end);
            self.emit(Instr::GetAnext);
            self.await_top();
            self.emit(Instr::PopBlock);
        } else {
            self.emit_jump(Instr::ForIter, end);
        }
        self.store_target(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, false, start)?;
        }
        if index + 1 < generators.len() {
            self.comp_generator(kind, generators, index + 1, elt, value)?;
        } else {
            // The container sits below one iterator per `for` clause.
            let depth = generators.len() as u32 + 1;
            match kind {
                CompKind::Generator => {
                    self.expr(elt)?;
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::PopTop);
                }
                CompKind::List => {
                    self.expr(elt)?;
                    self.emit(Instr::ListAppend(depth));
                }
                CompKind::Set => {
                    self.expr(elt)?;
                    self.emit(Instr::SetAdd(depth));
                }
                CompKind::Dict => {
                    self.expr(elt)?;
                    if let Some(v) = value {
                        self.expr(v)?;
                    }
                    self.emit(Instr::MapAdd(depth));
                }
            }
        }
        self.emit_jump(Instr::Jump, start);
        self.bind(end);
        if gen.is_async {
            self.emit(Instr::EndAsyncFor);
        }
        Ok(())
    }
}
