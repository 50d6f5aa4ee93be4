//! Simple statements, `if`, imports, and assignment/deletion targets.

use super::codegen::{error, Compiler, Ctx, Result, UnitKind};
use crate::ast::{Alias, BinOp, Expr, ExprKind, Ident, Span, Stmt, StmtKind};
use crate::bytecode::{Instr, RaiseKind};

impl<'a> Compiler<'a> {
    pub fn stmt(&mut self, s: &'a Stmt) -> Result<()> {
        let saved = self.set_loc(s.span);
        let result = self.stmt_inner(s);
        self.restore_loc(saved);
        result
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> Result<()> {
        match &s.node {
            StmtKind::Expr(e) => {
                // A bare constant (docstring-like) has no effect.
                if !matches!(e.node, ExprKind::Constant(_)) {
                    self.expr(e)?;
                    self.emit(Instr::PopTop);
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instr::Copy(1));
                    }
                    self.store_target(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => {
                self.aug_assign(s.span, target, *op, value)?
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => self.ann_assign(target, annotation, value.as_ref())?,
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete_target(t)?;
                }
            }
            StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Break => self.compile_break(s.span)?,
            StmtKind::Continue => self.compile_continue(s.span)?,
            StmtKind::Return(value) => self.compile_return(value.as_ref(), s.span)?,
            StmtKind::Raise { exc, cause } => {
                self.compile_raise(exc.as_ref(), cause.as_ref(), s.span)?
            }
            StmtKind::Assert { test, msg } => {
                let end = self.new_label();
                self.jump_if(test, true, end)?;
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Instr::CallFunction(1));
                }
                self.emit(Instr::Raise(RaiseKind::Raise));
                self.bind(end);
            }
            StmtKind::Import(aliases) => self.import(s.span, aliases)?,
            StmtKind::ImportFrom {
                module,
                names,
                level,
                star,
            } => self.import_from(s.span, module.as_ref(), names, *level, *star)?,
            StmtKind::If { test, body, orelse } => {
                let end = self.new_label();
                if orelse.is_empty() {
                    self.jump_if(test, false, end)?;
                    self.stmts(body)?;
                } else {
                    let else_label = self.new_label();
                    self.jump_if(test, false, else_label)?;
                    self.stmts(body)?;
                    self.emit_jump(Instr::Jump, end);
                    self.bind(else_label);
                    self.stmts(orelse)?;
                }
                self.bind(end);
            }
            StmtKind::While { test, body, orelse } => self.compile_while(test, body, orelse)?,
            StmtKind::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            } => self.compile_for(s.span, *is_async, target, iter, body, orelse)?,
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => self.compile_try(body, handlers, orelse, finalbody, *is_star)?,
            StmtKind::With {
                is_async,
                items,
                body,
            } => self.compile_with(s.span, *is_async, items, body)?,
            StmtKind::FunctionDef(f) => self.function_def(f, s.span)?,
            StmtKind::ClassDef(c) => self.class_def(c, s.span)?,
        }
        Ok(())
    }

    pub fn check_debug_store(&self, name: &str, span: Span) -> Result<()> {
        if name == "__debug__" {
            return Err(error("cannot assign to __debug__", span));
        }
        Ok(())
    }

    /// Stores the value on top of the stack into an assignment target.
    pub fn store_target(&mut self, e: &'a Expr) -> Result<()> {
        let saved = self.set_loc(e.span);
        let result = self.store_target_inner(e);
        self.restore_loc(saved);
        result
    }

    fn store_target_inner(&mut self, e: &'a Expr) -> Result<()> {
        match &e.node {
            ExprKind::Name(id) => {
                self.check_debug_store(id, e.span)?;
                self.name_op(id, Ctx::Store);
            }
            ExprKind::Attribute { value, attr } => {
                self.check_debug_store(&attr.node, e.span)?;
                self.expr(value)?;
                let idx = self.attr_idx(&attr.node);
                self.emit(Instr::StoreAttr(idx));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::StoreSubscr);
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                let starred: Vec<usize> = elts
                    .iter()
                    .enumerate()
                    .filter(|(_, x)| matches!(x.node, ExprKind::Starred(_)))
                    .map(|(i, _)| i)
                    .collect();
                match starred.as_slice() {
                    [] => self.emit(Instr::UnpackSequence(elts.len() as u32)),
                    [i] => self.emit(Instr::UnpackEx {
                        before: *i as u32,
                        after: (elts.len() - i - 1) as u32,
                    }),
                    _ => return Err(error("multiple starred expressions in assignment", e.span)),
                }
                for elt in elts {
                    match &elt.node {
                        ExprKind::Starred(inner) => self.store_target(inner)?,
                        _ => self.store_target(elt)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(error(
                    "starred assignment target must be in a list or tuple",
                    e.span,
                ))
            }
            _ => return Err(error("cannot assign to expression", e.span)),
        }
        Ok(())
    }

    fn delete_target(&mut self, e: &'a Expr) -> Result<()> {
        let saved = self.set_loc(e.span);
        let result = match &e.node {
            ExprKind::Name(id) => {
                if id == "__debug__" {
                    return Err(error("cannot delete __debug__", e.span));
                }
                self.name_op(id, Ctx::Del);
                Ok(())
            }
            ExprKind::Attribute { value, attr } => self.expr(value).map(|_| {
                let idx = self.attr_idx(&attr.node);
                self.emit(Instr::DeleteAttr(idx));
            }),
            ExprKind::Subscript { value, index } => {
                self.expr(value).and_then(|_| self.expr(index)).map(|_| {
                    self.emit(Instr::DeleteSubscr);
                })
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                elts.iter().try_for_each(|x| self.delete_target(x))
            }
            _ => Err(error("cannot delete expression", e.span)),
        };
        self.restore_loc(saved);
        result
    }

    /// `target op= value`, evaluating the target's object and index once.
    fn aug_assign(
        &mut self,
        span: Span,
        target: &'a Expr,
        op: BinOp,
        value: &'a Expr,
    ) -> Result<()> {
        match &target.node {
            ExprKind::Name(id) => {
                self.check_debug_store(id, target.span)?;
                let saved = self.set_loc(target.span);
                self.name_op(id, Ctx::Load);
                self.restore_loc(saved);
                self.expr(value)?;
                self.emit_span(Instr::InplaceOp(op), span);
                let saved = self.set_loc(target.span);
                self.name_op(id, Ctx::Store);
                self.restore_loc(saved);
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.check_debug_store(&attr.node, target.span)?;
                self.expr(obj)?;
                let idx = self.attr_idx(&attr.node);
                self.emit(Instr::Copy(1));
                self.emit_span(Instr::LoadAttr(idx), target.span);
                self.expr(value)?;
                self.emit_span(Instr::InplaceOp(op), span);
                self.emit(Instr::Swap(2));
                self.emit_span(Instr::StoreAttr(idx), target.span);
            }
            ExprKind::Subscript { value: obj, index } => {
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Instr::Copy(2));
                self.emit(Instr::Copy(2));
                self.emit_span(Instr::BinarySubscr, target.span);
                self.expr(value)?;
                self.emit_span(Instr::InplaceOp(op), span);
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                self.emit_span(Instr::StoreSubscr, target.span);
            }
            _ => {
                return Err(error(
                    "illegal expression for augmented assignment",
                    target.span,
                ))
            }
        }
        Ok(())
    }

    /// `target: annotation = value`. Module and class bodies record the
    /// annotation of a simple name; functions never evaluate annotations.
    fn ann_assign(
        &mut self,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
    ) -> Result<()> {
        let in_namespace = matches!(self.unit().kind, UnitKind::Module | UnitKind::Class);
        if let Some(v) = value {
            self.expr(v)?;
            self.store_target(target)?;
        }
        match &target.node {
            ExprKind::Name(id) => {
                self.check_debug_store(id, target.span)?;
                if in_namespace {
                    self.annotation_value(annotation)?;
                    let idx = self.name_idx(&self.mangle(id));
                    self.emit(Instr::StoreAnnotation(idx));
                }
            }
            ExprKind::Attribute { value: obj, .. } => {
                if value.is_none() {
                    self.expr(obj)?;
                    self.emit(Instr::PopTop);
                }
                self.check_annotation(in_namespace, annotation)?;
            }
            ExprKind::Subscript { value: obj, index } => {
                if value.is_none() {
                    self.expr(obj)?;
                    self.emit(Instr::PopTop);
                    self.expr(index)?;
                    self.emit(Instr::PopTop);
                }
                self.check_annotation(in_namespace, annotation)?;
            }
            _ => return Err(error("illegal target for annotation", target.span)),
        }
        Ok(())
    }

    /// The annotation of a complex target is evaluated and dropped.
    fn check_annotation(&mut self, in_namespace: bool, annotation: &'a Expr) -> Result<()> {
        if in_namespace && !self.table.future_annotations {
            self.expr(annotation)?;
            self.emit(Instr::PopTop);
        }
        Ok(())
    }

    /// Pushes an annotation: its value, or its source text under
    /// `from __future__ import annotations`.
    pub fn annotation_value(&mut self, annotation: &'a Expr) -> Result<()> {
        if self.table.future_annotations {
            let (start, end) = (annotation.span.start as usize, annotation.span.end as usize);
            let text = self.source.get(start..end).unwrap_or("").to_owned();
            self.load_str(&text);
            Ok(())
        } else {
            self.expr(annotation)
        }
    }

    fn import(&mut self, span: Span, aliases: &'a [Alias]) -> Result<()> {
        for alias in aliases {
            let dotted = &alias.name.node;
            let name = self.name_idx(dotted);
            match &alias.asname {
                Some(asname) => {
                    self.check_debug_store(&asname.node, span)?;
                    self.emit(Instr::ImportName {
                        name,
                        level: 0,
                        from: dotted.contains('.'),
                    });
                    self.name_op(&asname.node, Ctx::Store);
                }
                None => {
                    let top = dotted.split('.').next().unwrap_or(dotted);
                    self.check_debug_store(top, span)?;
                    self.emit(Instr::ImportName {
                        name,
                        level: 0,
                        from: false,
                    });
                    self.name_op(top, Ctx::Store);
                }
            }
        }
        Ok(())
    }

    fn import_from(
        &mut self,
        span: Span,
        module: Option<&'a Ident>,
        names: &'a [Alias],
        level: u32,
        star: bool,
    ) -> Result<()> {
        for alias in names {
            let bound = alias.asname.as_ref().unwrap_or(&alias.name);
            self.check_debug_store(&bound.node, span)?;
        }
        let module_name = module.map_or("", |m| m.node.as_str());
        let name = self.name_idx(module_name);
        self.emit(Instr::ImportName {
            name,
            level,
            from: true,
        });
        if star {
            self.emit(Instr::ImportStar);
            return Ok(());
        }
        for alias in names {
            let idx = self.name_idx(&alias.name.node);
            self.emit(Instr::ImportFrom(idx));
            let bound = alias.asname.as_ref().unwrap_or(&alias.name);
            self.name_op(&bound.node, Ctx::Store);
        }
        self.emit(Instr::PopTop);
        Ok(())
    }
}
