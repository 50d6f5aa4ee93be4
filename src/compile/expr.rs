//! Expressions: operators, displays, calls, f-strings, conditional jumps.
//! Every instruction carries the span of the sub-expression that can fail
//! there, and binary operators/subscripts an anchor for the `^` carets.

use super::codegen::{error, Compiler, Ctx, Label, Result, UnitKind};
use crate::ast::{BoolOp, CmpOp, Expr, ExprKind, FStringPart, Keyword, Span, UnaryOp};
use crate::bytecode::{Instr, Location, UnaryKind};

/// Which display a starred-item sequence builds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Display {
    List,
    Tuple,
    Set,
}

impl<'a> Compiler<'a> {
    pub fn expr(&mut self, e: &'a Expr) -> Result<()> {
        let saved = self.set_loc(e.span);
        let result = self.expr_inner(e);
        self.restore_loc(saved);
        result
    }

    fn expr_inner(&mut self, e: &'a Expr) -> Result<()> {
        match &e.node {
            ExprKind::Name(id) => self.name_op(id, Ctx::Load),
            ExprKind::Constant(c) => self.load_constant(c),
            ExprKind::JoinedStr(parts) => self.fstring(parts)?,
            ExprKind::List(elts) => self.display(elts, Display::List)?,
            ExprKind::Tuple(elts) => self.display(elts, Display::Tuple)?,
            ExprKind::Set(elts) => self.display(elts, Display::Set)?,
            ExprKind::Dict { keys, values } => self.dict_display(keys, values)?,
            ExprKind::Starred(_) => return Err(error("can't use starred expression here", e.span)),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let idx = self.attr_idx(&attr.node);
                let span = self.attribute_span(e.span, attr.span);
                self.emit_span(Instr::LoadAttr(idx), span);
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                let loc = self.subscript_location(e, value, index);
                self.emit_at(Instr::BinarySubscr, loc);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(x) => self.expr(x)?,
                        None => self.load_none(),
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => self.emit(Instr::BuildSlice(2)),
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e, func, args, keywords)?,
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                let anchor = self.operator_anchor(left.span, right.span);
                self.emit_at(
                    Instr::BinaryOp(*op),
                    Location {
                        span: e.span,
                        anchor,
                    },
                );
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                let kind = match op {
                    UnaryOp::Not => UnaryKind::Not,
                    UnaryOp::Neg => UnaryKind::Neg,
                    UnaryOp::Pos => UnaryKind::Pos,
                    UnaryOp::Invert => UnaryKind::Invert,
                };
                self.emit(Instr::UnaryOp(kind));
            }
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                let jump = match op {
                    BoolOp::And => Instr::JumpIfFalseOrPop,
                    BoolOp::Or => Instr::JumpIfTrueOrPop,
                };
                if let Some((last, rest)) = values.split_last() {
                    for v in rest {
                        self.expr(v)?;
                        self.emit_jump(jump, end);
                    }
                    self.expr(last)?;
                }
                self.bind(end);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators)?,
            ExprKind::IfExp { test, body, orelse } => {
                let else_label = self.new_label();
                let end = self.new_label();
                self.jump_if(test, false, else_label)?;
                self.expr(body)?;
                self.emit_jump(Instr::Jump, end);
                self.bind(else_label);
                self.expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Lambda { params, body } => self.lambda(e, params, body)?,
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Instr::Copy(1));
                self.store_target(target)?;
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, super::defs::CompKind::List, generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, super::defs::CompKind::Set, generators, elt, None)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.comprehension(e, super::defs::CompKind::Dict, generators, key, Some(value))?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, super::defs::CompKind::Generator, generators, elt, None)?
            }
            ExprKind::Await(value) => {
                match self.unit().kind {
                    UnitKind::Module | UnitKind::Class => {
                        return Err(error("'await' outside function", e.span))
                    }
                    UnitKind::AsyncFunction | UnitKind::Comprehension => {}
                    UnitKind::Function | UnitKind::Lambda => {
                        return Err(error("'await' outside async function", e.span))
                    }
                }
                self.expr(value)?;
                self.await_top();
            }
            ExprKind::Yield(value) => {
                self.check_yield(e.span)?;
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_none(),
                }
                self.emit(Instr::YieldValue);
            }
            ExprKind::YieldFrom(value) => {
                self.check_yield(e.span)?;
                if self.unit().kind == UnitKind::AsyncFunction {
                    return Err(error("'yield from' inside async function", e.span));
                }
                self.expr(value)?;
                self.emit(Instr::GetYieldFromIter);
                self.load_none();
                self.emit(Instr::YieldFrom);
            }
        }
        Ok(())
    }

    fn check_yield(&self, span: Span) -> Result<()> {
        match self.unit().kind {
            UnitKind::Module | UnitKind::Class => Err(error("'yield' outside function", span)),
            _ => Ok(()),
        }
    }

    /// Jumps to `target` when the truth of `e` equals `when`; `not`, `and`
    /// and `or` become jumps instead of values.
    pub fn jump_if(&mut self, e: &'a Expr, when: bool, target: Label) -> Result<()> {
        match &e.node {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => self.jump_if(operand, !when, target),
            ExprKind::BoolOp { op, values } if !values.is_empty() => {
                let is_or = *op == BoolOp::Or;
                if when == is_or {
                    // Any operand deciding the outcome jumps.
                    for v in values {
                        self.jump_if(v, when, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    let (last, rest) = values.split_last().expect("non-empty");
                    for v in rest {
                        self.jump_if(v, !when, skip)?;
                    }
                    self.jump_if(last, when, target)?;
                    self.bind(skip);
                }
                Ok(())
            }
            _ => {
                self.expr(e)?;
                let saved = self.set_loc(e.span);
                let jump = if when {
                    Instr::PopJumpIfTrue
                } else {
                    Instr::PopJumpIfFalse
                };
                self.emit_jump(jump, target);
                self.restore_loc(saved);
                Ok(())
            }
        }
    }

    /// `a < b < c` evaluates `b` once and stops at the first false link.
    fn compare(&mut self, left: &'a Expr, ops: &[CmpOp], comparators: &'a [Expr]) -> Result<()> {
        self.expr(left)?;
        let n = ops.len().min(comparators.len());
        if n == 0 {
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n - 1 {
            self.expr(&comparators[i])?;
            self.emit(Instr::Swap(2));
            self.emit(Instr::Copy(2));
            self.emit(Instr::CompareOp(ops[i]));
            self.emit_jump(Instr::JumpIfFalseOrPop, cleanup);
        }
        self.expr(&comparators[n - 1])?;
        self.emit(Instr::CompareOp(ops[n - 1]));
        if n > 1 {
            let end = self.new_label();
            self.emit_jump(Instr::Jump, end);
            self.bind(cleanup);
            self.emit(Instr::Swap(2));
            self.emit(Instr::PopTop);
            self.bind(end);
        }
        Ok(())
    }

    /// List/tuple/set displays; starred items extend a list built first.
    fn display(&mut self, elts: &'a [Expr], kind: Display) -> Result<()> {
        let is_starred = |e: &Expr| matches!(e.node, ExprKind::Starred(_));
        let prefix = elts.iter().take_while(|e| !is_starred(e)).count();
        for e in &elts[..prefix] {
            self.expr(e)?;
        }
        let n = prefix as u32;
        if prefix == elts.len() {
            self.emit(match kind {
                Display::List => Instr::BuildList(n),
                Display::Tuple => Instr::BuildTuple(n),
                Display::Set => Instr::BuildSet(n),
            });
            return Ok(());
        }
        let is_set = kind == Display::Set;
        self.emit(if is_set {
            Instr::BuildSet(n)
        } else {
            Instr::BuildList(n)
        });
        for e in &elts[prefix..] {
            match &e.node {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(if is_set {
                        Instr::SetUpdate(1)
                    } else {
                        Instr::ListExtend(1)
                    });
                }
                _ => {
                    self.expr(e)?;
                    self.emit(if is_set {
                        Instr::SetAdd(1)
                    } else {
                        Instr::ListAppend(1)
                    });
                }
            }
        }
        if kind == Display::Tuple {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn dict_display(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> Result<()> {
        let mut have_dict = false;
        let mut pending = 0;
        for (key, value) in keys.iter().zip(values) {
            match key {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(value)?;
                    pending += 1;
                }
                None => {
                    if pending > 0 {
                        self.emit(Instr::BuildMap(pending));
                        if have_dict {
                            self.emit(Instr::DictUpdate(1));
                        }
                        have_dict = true;
                        pending = 0;
                    }
                    if !have_dict {
                        self.emit(Instr::BuildMap(0));
                        have_dict = true;
                    }
                    self.expr(value)?;
                    self.emit(Instr::DictUpdate(1));
                }
            }
        }
        if pending > 0 || !have_dict {
            self.emit(Instr::BuildMap(pending));
            if have_dict {
                self.emit(Instr::DictUpdate(1));
            }
        }
        Ok(())
    }

    fn call(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> Result<()> {
        for (i, kw) in keywords.iter().enumerate() {
            let Some(name) = &kw.arg else { continue };
            if name.node == "__debug__" {
                return Err(error("cannot assign to __debug__", e.span));
            }
            let repeated = keywords[..i]
                .iter()
                .any(|k| k.arg.as_ref().is_some_and(|a| a.node == name.node));
            if repeated {
                return Err(error(
                    format!("keyword argument repeated: {}", name.node),
                    kw.span,
                ));
            }
        }
        let plain_args = !args.iter().any(|a| matches!(a.node, ExprKind::Starred(_)));
        let plain = plain_args && keywords.iter().all(|k| k.arg.is_some());
        let mut call_span = e.span;
        if let ExprKind::Attribute { value, attr } = &func.node {
            if plain {
                call_span = self.attribute_span(e.span, attr.span);
            }
            if plain && keywords.is_empty() {
                self.expr(value)?;
                for a in args {
                    self.expr(a)?;
                }
                let name = self.attr_idx(&attr.node);
                let lookup = self.attribute_span(func.span, attr.span);
                self.emit_at(
                    Instr::CallMethod {
                        name,
                        argc: args.len() as u32,
                    },
                    Location {
                        span: call_span,
                        anchor: Some(lookup),
                    },
                );
                return Ok(());
            }
        }
        self.expr(func)?;
        self.call_helper(0, args, keywords, call_span)
    }

    /// Pushes the arguments and calls the callable `pushed` items below
    /// them (class creation pre-pushes the body function and the name).
    pub fn call_helper(
        &mut self,
        pushed: u32,
        args: &'a [Expr],
        keywords: &'a [Keyword],
        span: Span,
    ) -> Result<()> {
        let starred = args.iter().any(|a| matches!(a.node, ExprKind::Starred(_)));
        let double_starred = keywords.iter().any(|k| k.arg.is_none());
        if !starred && !double_starred {
            for a in args {
                self.expr(a)?;
            }
            let argc = pushed + (args.len() + keywords.len()) as u32;
            if keywords.is_empty() {
                self.emit_span(Instr::CallFunction(argc), span);
            } else {
                for k in keywords {
                    self.expr(&k.value)?;
                }
                let names = keywords
                    .iter()
                    .filter_map(|k| k.arg.as_ref().map(|a| a.node.clone()))
                    .collect();
                self.load_names_tuple(names);
                self.emit_span(Instr::CallFunctionKw(argc), span);
            }
            return Ok(());
        }
        // Positional arguments as one tuple.
        let prefix = args
            .iter()
            .take_while(|a| !matches!(a.node, ExprKind::Starred(_)))
            .count();
        for a in &args[..prefix] {
            self.expr(a)?;
        }
        self.emit(Instr::BuildList(pushed + prefix as u32));
        for a in &args[prefix..] {
            match &a.node {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit_span(Instr::ListExtend(1), span);
                }
                _ => {
                    self.expr(a)?;
                    self.emit(Instr::ListAppend(1));
                }
            }
        }
        self.emit(Instr::ListToTuple);
        // Keyword arguments as one dict.
        let mut have_dict = false;
        let mut pending = 0;
        for k in keywords {
            match &k.arg {
                Some(name) => {
                    self.load_str(&name.node);
                    self.expr(&k.value)?;
                    pending += 1;
                }
                None => {
                    if pending > 0 {
                        self.emit(Instr::BuildMap(pending));
                        if have_dict {
                            self.emit(Instr::DictMerge(1));
                        }
                        have_dict = true;
                        pending = 0;
                    }
                    if !have_dict {
                        self.emit(Instr::BuildMap(0));
                        have_dict = true;
                    }
                    self.expr(&k.value)?;
                    self.emit_span(Instr::DictMerge(1), span);
                }
            }
        }
        if pending > 0 {
            self.emit(Instr::BuildMap(pending));
            if have_dict {
                self.emit(Instr::DictMerge(1));
            }
            have_dict = true;
        }
        self.emit_span(
            Instr::CallFunctionEx {
                has_kwargs: have_dict,
            },
            span,
        );
        Ok(())
    }

    /// Pushes one str: the concatenation of the pieces. Adjacent literal
    /// text (including `{x=}` debug text) becomes one constant.
    fn fstring(&mut self, parts: &'a [FStringPart]) -> Result<()> {
        let mut count = 0;
        let mut text = String::new();
        for part in parts {
            match part {
                FStringPart::Literal(s) => text.push_str(s),
                FStringPart::Formatted {
                    value,
                    conversion,
                    format_spec,
                    debug_text,
                } => {
                    if let Some(t) = debug_text {
                        text.push_str(t);
                    }
                    if !text.is_empty() {
                        self.load_str(&std::mem::take(&mut text));
                        count += 1;
                    }
                    self.expr(value)?;
                    // `{x=}` shows the repr unless a conversion or spec is given.
                    let conversion = match (conversion, debug_text, format_spec) {
                        (Some(c), _, _) => Some(*c),
                        (None, Some(_), None) => Some('r'),
                        _ => None,
                    };
                    if let Some(spec) = format_spec {
                        self.fstring(spec)?;
                    }
                    self.emit(Instr::FormatValue {
                        conversion,
                        has_spec: format_spec.is_some(),
                    });
                    count += 1;
                }
            }
        }
        if !text.is_empty() || count == 0 {
            self.load_str(&text);
            count += 1;
        }
        if count > 1 {
            self.emit(Instr::BuildString(count));
        }
        Ok(())
    }

    // ----- locations ---------------------------------------------------

    /// CPython moves the start of an attribute access (and of a method
    /// call) to the attribute name when that is on a later line.
    fn attribute_span(&self, span: Span, attr: Span) -> Span {
        if self.line_of(span.start) != self.line_of(attr.end) {
            Span {
                start: attr.start,
                end: span.end.max(attr.end),
            }
        } else {
            span
        }
    }

    /// The operator between two operands, as CPython 3.11's traceback
    /// finds it: the first non-blank character after the left operand
    /// (skipping `)`), two characters when the next one is not blank.
    fn operator_anchor(&self, left: Span, right: Span) -> Option<Span> {
        let src = self.source.as_bytes();
        let (start, end) = (left.end as usize, (right.start as usize).min(src.len()));
        let mut anchor = None;
        let mut i = start;
        while i < end {
            if src[i].is_ascii_whitespace() {
                i += 1;
                continue;
            }
            let mut right_anchor = i + 1;
            if i + 1 < end && !src[i + 1].is_ascii_whitespace() {
                right_anchor += 1;
            }
            anchor = Some(Span::new(i, right_anchor));
            if src[i] == b')' && i + 1 < end {
                i += 1;
                continue;
            }
            break;
        }
        anchor
    }

    /// A subscript's span, anchored from its `[` to the closing `]`.
    fn subscript_location(&self, e: &Expr, value: &Expr, index: &Expr) -> Location {
        let src = self.source.as_bytes();
        let end = (e.span.end as usize).min(src.len());
        let mut left = value.span.end as usize;
        while left < end && src[left] != b'[' {
            left += 1;
        }
        let mut right = index.span.end as usize + 1;
        while right < end && src[right] != b']' {
            right += 1;
        }
        if right < end {
            right += 1;
        }
        Location {
            span: e.span,
            anchor: Some(Span::new(left, right.min(end).max(left))),
        }
    }
}
