//! Parameter lists (`def`, `lambda`) and call argument lists: the grammar
//! accepts a flat comma list, and these checks impose Python's ordering
//! rules with CPython's messages and caret positions.

use super::error::SyntaxError;
use crate::ast::*;

/// One entry of a `def`/`lambda` parameter list, in source order.
#[derive(Debug)]
pub enum ParamItem {
    Plain(Param),
    /// `*args` or a bare `*`; the span covers the `*` token first.
    Star(Option<Param>, Span),
    DoubleStar(Param, Span),
    Slash(Span),
}

/// One entry of a call's argument list, in source order.
#[derive(Debug)]
pub enum ArgItem {
    /// A positional argument, possibly `*iterable` (a Starred).
    Positional(Expr),
    /// `f(x for x in y)`; `for_start` is where the first `for` begins.
    Generator {
        elt: Expr,
        generators: Vec<Comprehension>,
        span: Span,
        for_start: usize,
    },
    /// `name=value` or `**mapping`.
    Keyword(Keyword),
}

/// A parenthesised argument list: `open`/`close` are the offsets of `(`
/// and just after `)`.
#[derive(Debug)]
pub struct CallArgs {
    pub open: usize,
    pub items: Vec<ArgItem>,
    pub trailing_comma: bool,
    pub close: usize,
}

/// Builds `name=value`, rejecting `f(a.b=1)` as CPython does.
pub fn keyword(
    target: Expr,
    eq_end: usize,
    value: Expr,
    span: Span,
) -> Result<ArgItem, SyntaxError> {
    match target.node {
        ExprKind::Name(name) => Ok(ArgItem::Keyword(Keyword {
            arg: Some(Spanned::new(name, target.span)),
            value,
            span,
        })),
        _ => Err(SyntaxError::syntax(
            "expression cannot contain assignment, perhaps you meant \"==\"?",
            Span {
                start: target.span.start,
                end: eq_end as u32,
            },
        )),
    }
}

fn error(msg: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError::syntax(msg, span)
}

/// Orders a flat parameter list into CPython's groups.
pub fn parameters(items: Vec<ParamItem>) -> Result<Parameters, SyntaxError> {
    let mut params = Parameters::default();
    let mut seen_slash = false;
    let mut star_span: Option<Span> = None;
    let mut seen_default = false;
    let mut names: Vec<String> = Vec::new();
    let mut check_duplicate = |p: &Param| -> Result<(), SyntaxError> {
        if names.contains(&p.name.node) {
            return Err(error(
                format!(
                    "duplicate argument '{}' in function definition",
                    p.name.node
                ),
                p.name.span,
            ));
        }
        names.push(p.name.node.clone());
        Ok(())
    };
    for item in items {
        if params.kwarg.is_some() {
            let span = match &item {
                ParamItem::Plain(p) => p.name.span,
                ParamItem::Star(_, s) => Span {
                    start: s.start,
                    end: s.start + 1,
                },
                ParamItem::DoubleStar(_, s) => Span {
                    start: s.start,
                    end: s.start + 2,
                },
                ParamItem::Slash(s) => *s,
            };
            return Err(error("arguments cannot follow var-keyword argument", span));
        }
        match item {
            ParamItem::Plain(p) => {
                check_duplicate(&p)?;
                if star_span.is_some() {
                    params.kwonly.push(p);
                    continue;
                }
                if p.default.is_some() {
                    seen_default = true;
                } else if seen_default {
                    return Err(error(
                        "non-default argument follows default argument",
                        p.name.span,
                    ));
                }
                params.args.push(p);
            }
            ParamItem::Slash(span) => {
                if seen_slash {
                    return Err(error("/ may appear only once", span));
                }
                if star_span.is_some() {
                    return Err(error("/ must be ahead of *", span));
                }
                if params.args.is_empty() {
                    return Err(error("at least one argument must precede /", span));
                }
                seen_slash = true;
                params.posonly = std::mem::take(&mut params.args);
            }
            ParamItem::Star(p, span) => {
                if star_span.is_some() {
                    return Err(error(
                        "* argument may appear only once",
                        Span {
                            start: span.start,
                            end: span.start + 1,
                        },
                    ));
                }
                star_span = Some(span);
                if let Some(p) = p {
                    star_default(&p, "var-positional")?;
                    check_duplicate(&p)?;
                    params.vararg = Some(p);
                }
            }
            ParamItem::DoubleStar(p, _) => {
                star_default(&p, "var-keyword")?;
                check_duplicate(&p)?;
                params.kwarg = Some(p);
            }
        }
    }
    if let Some(span) = star_span {
        if params.vararg.is_none() && params.kwonly.is_empty() {
            return Err(error(
                "named arguments must follow bare *",
                Span {
                    start: span.start,
                    end: span.start + 1,
                },
            ));
        }
    }
    Ok(params)
}

/// `*args=1` / `**kw=1`: the grammar lets a default through so that the
/// error can point at the `=` as CPython does.
fn star_default(param: &Param, what: &str) -> Result<(), SyntaxError> {
    match &param.default {
        None => Ok(()),
        Some(_) => {
            let at = param.name.span.end;
            Err(error(
                format!("{what} argument cannot have default value"),
                Span {
                    start: at,
                    end: at + 1,
                },
            ))
        }
    }
}

/// Splits call arguments into positional and keyword lists, enforcing
/// Python's ordering rules. `open` is the position of the `(`.
pub fn call_arguments(
    args: CallArgs,
    call_span: Span,
) -> Result<(Vec<Expr>, Vec<Keyword>), SyntaxError> {
    let CallArgs {
        open,
        items,
        trailing_comma,
        ..
    } = args;
    let closing = Span {
        start: call_span.end.saturating_sub(1),
        end: call_span.end,
    };
    let count = items.len();
    let mut args = Vec::new();
    let mut keywords: Vec<Keyword> = Vec::new();
    for item in items {
        match item {
            ArgItem::Generator {
                elt,
                generators,
                span,
                ..
            } => {
                if count > 1 || trailing_comma {
                    return Err(error("Generator expression must be parenthesized", span));
                }
                let whole = Span {
                    start: open as u32,
                    end: call_span.end,
                };
                args.push(Spanned::new(
                    ExprKind::GeneratorExp {
                        elt: Box::new(elt),
                        generators,
                    },
                    whole,
                ));
            }
            ArgItem::Positional(e) => {
                let is_star = matches!(e.node, ExprKind::Starred(_));
                if keywords.iter().any(|k| k.arg.is_none()) {
                    if is_star {
                        let star = Span {
                            start: e.span.start,
                            end: e.span.start + 1,
                        };
                        return Err(error(
                            "iterable argument unpacking follows keyword argument unpacking",
                            star,
                        ));
                    }
                    return Err(error(
                        "positional argument follows keyword argument unpacking",
                        closing,
                    ));
                }
                if !is_star && !keywords.is_empty() {
                    return Err(error(
                        "positional argument follows keyword argument",
                        closing,
                    ));
                }
                args.push(e);
            }
            ArgItem::Keyword(k) => {
                if let Some(name) = &k.arg {
                    let repeated = keywords
                        .iter()
                        .any(|prev| prev.arg.as_ref().is_some_and(|p| p.node == name.node));
                    if repeated {
                        return Err(error(
                            format!("keyword argument repeated: {}", name.node),
                            k.span,
                        ));
                    }
                }
                keywords.push(k);
            }
        }
    }
    Ok((args, keywords))
}

/// Class bases: like a call, but a generator expression is plain invalid syntax.
pub fn class_arguments(args: CallArgs) -> Result<(Vec<Expr>, Vec<Keyword>), SyntaxError> {
    for item in &args.items {
        if let ArgItem::Generator { for_start, .. } = item {
            let start = *for_start;
            return Err(error("invalid syntax", Span::new(start, start + 3)));
        }
    }
    let span = Span::new(args.open, args.close);
    call_arguments(args, span)
}
