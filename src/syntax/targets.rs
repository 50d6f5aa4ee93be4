//! Checks that expressions parsed in target position (assignment, `del`,
//! `for`, `with ... as`, comprehension) really are targets, with CPython's
//! "cannot assign to ..." family of messages.

use super::error::SyntaxError;
use crate::ast::*;

/// Where a target appears, which decides the verb in the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetUse {
    Assign,
    Delete,
}

/// CPython's `_PyPegen_get_expr_name`: how messages name an expression.
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.node {
        ExprKind::Name(_) => "name",
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) => "f-string expression",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::True) => "True",
        ExprKind::Constant(Constant::False) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first sub-expression that cannot be a target, if any.
fn invalid_part(e: &Expr, usage: TargetUse) -> Option<&Expr> {
    match &e.node {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            items.iter().find_map(|item| invalid_part(item, usage))
        }
        ExprKind::Starred(inner) if usage == TargetUse::Assign => invalid_part(inner, usage),
        _ => Some(e),
    }
}

/// Checks one target.
pub fn check(e: &Expr, usage: TargetUse) -> Result<(), SyntaxError> {
    match invalid_part(e, usage) {
        None => Ok(()),
        Some(bad) => {
            let verb = match usage {
                TargetUse::Assign => "assign to",
                TargetUse::Delete => "delete",
            };
            Err(SyntaxError::syntax(
                format!("cannot {verb} {}", expr_name(bad)),
                bad.span,
            ))
        }
    }
}

/// CPython's `bitwise_or` level: what `invalid_named_expression` can see on
/// both sides of `=` when it suggests `==`.
fn is_bitwise_or_level(e: &Expr) -> bool {
    !matches!(
        e.node,
        ExprKind::BoolOp { .. }
            | ExprKind::Compare { .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Starred(_)
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
            | ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
    ) && !matches!(&e.node, ExprKind::Tuple(_) if !is_parenthesized_tuple(e))
}

/// An unparenthesised tuple starts at its first element.
fn is_parenthesized_tuple(e: &Expr) -> bool {
    match &e.node {
        ExprKind::Tuple(items) => items.first().is_none_or(|f| f.span.start != e.span.start),
        _ => false,
    }
}

/// The leading `bitwise_or` of an assigned value, if it has one.
fn leading_operand(value: &Expr) -> Option<&Expr> {
    match &value.node {
        ExprKind::Tuple(items) if !is_parenthesized_tuple(value) => {
            items.first().and_then(leading_operand)
        }
        ExprKind::IfExp { body, .. } => leading_operand(body),
        ExprKind::Compare { left, .. } => leading_operand(left),
        ExprKind::BoolOp { values, .. } => values.first().and_then(leading_operand),
        _ if is_bitwise_or_level(value) => Some(value),
        _ => None,
    }
}

/// `a = b = value`. `span` is the statement's, which tells whether the
/// first target was parenthesised (then it counts as an atom).
pub fn assign(first: Expr, rest: Vec<Expr>, span: Span) -> Result<Stmt, SyntaxError> {
    let mut targets = vec![first];
    targets.extend(rest);
    let value = targets.pop().expect("the grammar gives at least one value");
    super::actions::no_bare_starred(&value)?;
    let first_bad = targets
        .iter()
        .enumerate()
        .find_map(|(i, t)| invalid_part(t, TargetUse::Assign).map(|bad| (i, bad)));
    if let Some((index, bad)) = first_bad {
        if let Some(e) = mistyped_comparison(&targets, &value, span) {
            return Err(e);
        }
        let is_yield = matches!(bad.node, ExprKind::Yield(_) | ExprKind::YieldFrom(_));
        let msg = if is_yield && index > 0 {
            "assignment to yield expression not possible".to_owned()
        } else {
            format!("cannot assign to {}", expr_name(bad))
        };
        return Err(SyntaxError::syntax(msg, bad.span));
    }
    if let Some(t) = targets
        .iter()
        .find(|t| matches!(t.node, ExprKind::Starred(_)))
    {
        return Err(SyntaxError::syntax(
            "starred assignment target must be in a list or tuple",
            t.span,
        ));
    }
    Ok(Stmt::new(StmtKind::Assign { targets, value }, span))
}

/// CPython's `invalid_named_expression`, which fires on the expression just
/// before the first `=` when what follows that `=` is a `bitwise_or` not
/// itself followed by another `=`: `f() = 1` reads like a mistyped `==`.
fn mistyped_comparison(targets: &[Expr], value: &Expr, stmt: Span) -> Option<SyntaxError> {
    let first = &targets[0];
    let parenthesized = first.span.start > stmt.start;
    let candidate = match &first.node {
        ExprKind::Tuple(items) if !parenthesized => items.last()?,
        _ => first,
    };
    let next = targets.get(1).unwrap_or(value);
    let operand = leading_operand(next)?;
    if targets.len() > 1 && std::ptr::eq(operand, next) {
        return None;
    }
    if let ExprKind::Name(_) = candidate.node {
        return Some(SyntaxError::syntax(
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            candidate.span.to(operand.span),
        ));
    }
    let excluded = matches!(
        candidate.node,
        ExprKind::List(_)
            | ExprKind::Tuple(_)
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Constant(Constant::True | Constant::False | Constant::None)
    );
    let atom = std::ptr::eq(candidate, first) && parenthesized;
    let is_target = invalid_part(candidate, TargetUse::Assign).is_none();
    if excluded || is_target || !(atom || is_bitwise_or_level(candidate)) {
        return None;
    }
    Some(SyntaxError::syntax(
        format!(
            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
            expr_name(candidate)
        ),
        candidate.span,
    ))
}

/// `target op= value`.
pub fn aug_assign(target: Expr, op: BinOp, value: Expr, span: Span) -> Result<Stmt, SyntaxError> {
    match target.node {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
            Ok(Stmt::new(StmtKind::AugAssign { target, op, value }, span))
        }
        _ => Err(SyntaxError::syntax(
            format!(
                "'{}' is an illegal expression for augmented assignment",
                expr_name(&target)
            ),
            target.span,
        )),
    }
}

/// `target: annotation [= value]`.
pub fn ann_assign(
    target: Expr,
    annotation: Expr,
    value: Option<Expr>,
    span: Span,
) -> Result<Stmt, SyntaxError> {
    match &target.node {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
            Ok(Stmt::new(
                StmtKind::AnnAssign {
                    target,
                    annotation,
                    value,
                },
                span,
            ))
        }
        ExprKind::Tuple(_) | ExprKind::List(_) => Err(SyntaxError::syntax(
            format!(
                "only single target (not {}) can be annotated",
                expr_name(&target)
            ),
            target.span,
        )),
        _ => Err(SyntaxError::syntax(
            "illegal target for annotation",
            target.span,
        )),
    }
}

/// `del a, b[0]`.
pub fn delete(targets: Vec<Expr>, span: Span) -> Result<Stmt, SyntaxError> {
    for t in &targets {
        check(t, TargetUse::Delete)?;
    }
    Ok(Stmt::new(StmtKind::Delete(targets), span))
}
