//! Node constructors called from the grammar's actions: spans, statement
//! assembly, and the checks CPython makes while building these nodes.

use lalrpop_util::ParseError;

use super::error::SyntaxError;
use super::params;
use super::targets::{self, TargetUse};
use super::token::Tok;
use crate::ast::*;

pub use super::params::{ArgItem, CallArgs, ParamItem};

/// What the single grammar entry point produced.
pub enum Top {
    Module(Vec<Stmt>),
    /// An f-string replacement field's expression.
    Expr(Expr),
}

pub type LalrpopError = ParseError<usize, Tok, SyntaxError>;

/// Wraps a check failure for a fallible (`=>?`) action.
pub fn user(error: SyntaxError) -> LalrpopError {
    ParseError::User { error }
}

pub fn span(l: usize, r: usize) -> Span {
    Span::new(l, r)
}

pub fn expr(kind: ExprKind, l: usize, r: usize) -> Expr {
    Spanned::new(kind, Span::new(l, r))
}

pub fn binop(left: Expr, op: BinOp, right: Expr, l: usize, r: usize) -> Expr {
    expr(
        ExprKind::BinOp {
            left: Box::new(left),
            op,
            right: Box::new(right),
        },
        l,
        r,
    )
}

pub fn unary(op: UnaryOp, operand: Expr, l: usize, r: usize) -> Expr {
    expr(
        ExprKind::UnaryOp {
            op,
            operand: Box::new(operand),
        },
        l,
        r,
    )
}

pub fn bool_op(op: BoolOp, first: Expr, rest: Vec<Expr>, l: usize, r: usize) -> Expr {
    let mut values = vec![first];
    values.extend(rest);
    expr(ExprKind::BoolOp { op, values }, l, r)
}

pub fn compare(left: Expr, rest: Vec<(CmpOp, Expr)>, l: usize, r: usize) -> Expr {
    let (ops, comparators) = rest.into_iter().unzip();
    expr(
        ExprKind::Compare {
            left: Box::new(left),
            ops,
            comparators,
        },
        l,
        r,
    )
}

pub fn slice(
    lower: Option<Expr>,
    upper: Option<Expr>,
    step: Option<Option<Expr>>,
    l: usize,
    r: usize,
) -> Expr {
    expr(
        ExprKind::Slice {
            lower: lower.map(Box::new),
            upper: upper.map(Box::new),
            step: step.flatten().map(Box::new),
        },
        l,
        r,
    )
}

/// `*a` alone is only a target or part of a display or call; as a value
/// CPython's compiler rejects it.
pub fn no_bare_starred(value: &Expr) -> Result<(), SyntaxError> {
    match value.node {
        ExprKind::Starred(_) => Err(SyntaxError::syntax(
            "can't use starred expression here",
            value.span,
        )),
        _ => Ok(()),
    }
}

/// `a[*b]` subscripts with a one-element tuple, as in CPython.
pub fn lone_subscript(index: Expr) -> Expr {
    match index.node {
        ExprKind::Starred(_) => {
            let span = index.span;
            Spanned::new(ExprKind::Tuple(vec![index]), span)
        }
        _ => index,
    }
}

pub fn dict(items: Vec<(Option<Expr>, Expr)>, l: usize, r: usize) -> Expr {
    let (keys, values) = items.into_iter().unzip();
    expr(ExprKind::Dict { keys, values }, l, r)
}

pub fn import_from(
    module: Option<Ident>,
    level: u32,
    names: Option<Vec<Alias>>,
    span: Span,
) -> Stmt {
    let star = names.is_none();
    Stmt::new(
        StmtKind::ImportFrom {
            module,
            names: names.unwrap_or_default(),
            level,
            star,
        },
        span,
    )
}

/// The end of a block: CPython's compound statements end where their last
/// nested statement ends.
fn block_end(blocks: &[&[Stmt]]) -> u32 {
    blocks
        .iter()
        .rev()
        .find_map(|b| b.last())
        .map_or(0, |s| s.span.end)
}

fn compound(kind: StmtKind, l: usize, end: u32) -> Stmt {
    Stmt::new(
        kind,
        Span {
            start: l as u32,
            end: end.max(l as u32),
        },
    )
}

pub fn if_stmt(l: usize, test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt>) -> Stmt {
    let end = block_end(&[&body, &orelse]);
    compound(StmtKind::If { test, body, orelse }, l, end)
}

pub fn while_stmt(l: usize, test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt>) -> Stmt {
    let end = block_end(&[&body, &orelse]);
    compound(StmtKind::While { test, body, orelse }, l, end)
}

pub fn for_stmt(
    l: usize,
    is_async: bool,
    target: Expr,
    iter: Expr,
    body: Vec<Stmt>,
    orelse: Vec<Stmt>,
) -> Result<Stmt, SyntaxError> {
    targets::check(&target, TargetUse::Assign)?;
    let end = block_end(&[&body, &orelse]);
    Ok(compound(
        StmtKind::For {
            is_async,
            target,
            iter,
            body,
            orelse,
        },
        l,
        end,
    ))
}

pub fn try_stmt(
    l: usize,
    body: Vec<Stmt>,
    handlers: Vec<(Option<usize>, ExceptHandler)>,
    orelse: Vec<Stmt>,
    finalbody: Vec<Stmt>,
) -> Result<Stmt, SyntaxError> {
    let is_star = handlers.first().is_some_and(|(star, _)| star.is_some());
    if let Some((star, h)) = handlers.iter().find(|(star, _)| star.is_some() != is_star) {
        // CPython points at the `except` / `except*` keyword.
        let end = star.unwrap_or(h.span.start as usize + "except".len());
        return Err(SyntaxError::syntax(
            "cannot have both 'except' and 'except*' on the same 'try'",
            Span::new(h.span.start as usize, end),
        ));
    }
    if is_star {
        if let Some((_, h)) = handlers.iter().find(|(_, h)| h.typ.is_none()) {
            // At the `:` that came instead of a type.
            let colon = Span::new(h.span.end as usize - 1, h.span.end as usize);
            return Err(SyntaxError::syntax(
                "expected one or more exception types",
                colon,
            ));
        }
    }
    let handlers: Vec<ExceptHandler> = handlers.into_iter().map(|(_, h)| h).collect();
    let last_handler = handlers.last().map(|h| h.body.as_slice()).unwrap_or(&[]);
    let end = block_end(&[&body, last_handler, &orelse, &finalbody]);
    Ok(compound(
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            is_star,
        },
        l,
        end,
    ))
}

pub fn with_stmt(
    l: usize,
    is_async: bool,
    items: Vec<(Expr, Option<Expr>)>,
    body: Vec<Stmt>,
) -> Result<Stmt, SyntaxError> {
    let mut with_items = Vec::with_capacity(items.len());
    for (context, target) in items {
        if let Some(t) = &target {
            targets::check(t, TargetUse::Assign)?;
        }
        with_items.push(WithItem { context, target });
    }
    let end = block_end(&[&body]);
    Ok(compound(
        StmtKind::With {
            is_async,
            items: with_items,
            body,
        },
        l,
        end,
    ))
}

pub fn function_def(
    l: usize,
    is_async: bool,
    name: Ident,
    params: Vec<ParamItem>,
    returns: Option<Expr>,
    body: Vec<Stmt>,
) -> Result<Stmt, SyntaxError> {
    let params = params::parameters(params)?;
    let end = block_end(&[&body]);
    let def = FunctionDef {
        name,
        is_async,
        params,
        body,
        decorators: vec![],
        returns,
    };
    Ok(compound(StmtKind::FunctionDef(Box::new(def)), l, end))
}

pub fn class_def(
    l: usize,
    name: Ident,
    args: Option<CallArgs>,
    body: Vec<Stmt>,
) -> Result<Stmt, SyntaxError> {
    let (bases, keywords) = match args {
        Some(args) => params::class_arguments(args)?,
        None => (vec![], vec![]),
    };
    let end = block_end(&[&body]);
    let def = ClassDef {
        name,
        bases,
        keywords,
        body,
        decorators: vec![],
    };
    Ok(compound(StmtKind::ClassDef(Box::new(def)), l, end))
}

/// Attaches decorators; the statement keeps its `def`/`class` line span.
pub fn decorate(decorators: Vec<Expr>, mut stmt: Stmt) -> Stmt {
    match &mut stmt.node {
        StmtKind::FunctionDef(def) => def.decorators = decorators,
        StmtKind::ClassDef(def) => def.decorators = decorators,
        _ => {}
    }
    stmt
}

pub fn lambda(items: Vec<ParamItem>, body: Expr, span: Span) -> Result<Expr, SyntaxError> {
    let params = params::parameters(items)?;
    Ok(Spanned::new(
        ExprKind::Lambda {
            params: Box::new(params),
            body: Box::new(body),
        },
        span,
    ))
}

pub fn call(func: Expr, args: CallArgs, span: Span) -> Result<Expr, SyntaxError> {
    let (args, keywords) = params::call_arguments(args, span)?;
    Ok(Spanned::new(
        ExprKind::Call {
            func: Box::new(func),
            args,
            keywords,
        },
        span,
    ))
}

pub fn comprehension(
    is_async: bool,
    target: Expr,
    iter: Expr,
    ifs: Vec<Expr>,
) -> Result<Comprehension, SyntaxError> {
    targets::check(&target, TargetUse::Assign)?;
    Ok(Comprehension {
        target,
        iter,
        ifs,
        is_async,
    })
}
