//! Glue between the layout lexer and the lalrpop-generated parser.

use super::actions::Top;
use super::diagnose;
use super::error::SyntaxError;
use super::lexer::{self, Mode, Spanned, Tokens};
use super::token::Tok;
use crate::ast::{Expr, ExprKind, Module};

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, clippy::pedantic, unused, dead_code)]
    grammar,
    "/python.rs"
);

/// Parses a whole file.
pub fn parse_source(src: &str) -> Result<Module, SyntaxError> {
    let tokens = lexer::tokenize(src, 0, src.len(), Mode::Module);
    match run(src, tokens)? {
        Top::Module(body) => Ok(Module { body }),
        Top::Expr(_) => unreachable_top(),
    }
}

/// Parses the expression of an f-string replacement field at `src[start..end]`.
pub fn parse_fstring_expr(src: &str, start: usize, end: usize) -> Result<Expr, SyntaxError> {
    let tokens = lexer::tokenize(src, start, end, Mode::FStringExpr);
    let lex_error = tokens.error.clone();
    match run(src, tokens) {
        Ok(Top::Expr(e)) if matches!(e.node, ExprKind::Starred(_)) => Err(SyntaxError::syntax(
            "f-string: cannot use starred expression here",
            e.span,
        )),
        Ok(Top::Expr(e)) => Ok(e),
        Ok(Top::Module(_)) => unreachable_top(),
        // Tokenizer errors keep their own wording.
        Err(e) if Some(&e) == lex_error.as_ref() => Err(e),
        Err(mut e) => {
            if !e.msg.starts_with("f-string") {
                e.msg = format!("f-string: {}", e.msg);
            }
            Err(e)
        }
    }
}

/// The start token decides the result's variant, so the other cannot occur.
fn unreachable_top<T>() -> T {
    unreachable!("the start token selects the grammar's result")
}

fn run(src: &str, tokens: Tokens) -> Result<Top, SyntaxError> {
    let Tokens {
        mut toks,
        error,
        unclosed,
    } = tokens;
    mark_with_parens(&mut toks);
    if error.is_none() {
        check_complexity(&toks)?;
    }
    let stream = toks.iter().cloned().map(Ok).chain(error.clone().map(Err));
    grammar::TopParser::new()
        .parse(src, stream)
        .map_err(|e| diagnose::explain(src, &toks, error, unclosed, e))
}

/// Most operators one statement may hold. Each can add a level to the
/// syntax tree (`a+a+a...` nests to the left), and CPython's compiler gives
/// up near 3000 levels too; this keeps every recursive pass safe.
const MAX_OPERATORS_PER_STATEMENT: usize = 3000;

fn check_complexity(toks: &[Spanned]) -> Result<(), SyntaxError> {
    let mut count = 0;
    for (i, (l, tok, r)) in toks.iter().enumerate() {
        let next = toks.get(i + 1).map(|t| &t.1);
        let after_operand = i > 0 && ends_operand(&toks[i - 1].1);
        let nests = match tok {
            Tok::Newline => {
                count = 0;
                false
            }
            // `-1` in a data table is a literal, not nesting worth counting.
            Tok::Minus | Tok::Plus if !after_operand => {
                !matches!(next, Some(Tok::Int(_) | Tok::Float(_)))
            }
            Tok::LPar | Tok::LSqb => after_operand,
            Tok::Dot | Tok::Not | Tok::Await | Tok::Lambda | Tok::If | Tok::Tilde => true,
            t => is_operator(t),
        };
        count += usize::from(nests);
        if count > MAX_OPERATORS_PER_STATEMENT {
            return Err(SyntaxError::syntax(
                format!(
                    "statement too complex: kairos allows at most {MAX_OPERATORS_PER_STATEMENT} nested operations in one statement"
                ),
                crate::ast::Span::new(*l, *r),
            ));
        }
    }
    Ok(())
}

fn ends_operand(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Str(_)
            | Tok::RPar
            | Tok::RSqb
            | Tok::RBrace
    )
}

/// Binary and comparison operators.
fn is_operator(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Plus
            | Tok::Minus
            | Tok::Star
            | Tok::DoubleStar
            | Tok::Slash
            | Tok::DoubleSlash
            | Tok::Percent
            | Tok::At
            | Tok::LeftShift
            | Tok::RightShift
            | Tok::Amper
            | Tok::VBar
            | Tok::Circumflex
            | Tok::Less
            | Tok::Greater
            | Tok::LessEqual
            | Tok::GreaterEqual
            | Tok::EqEqual
            | Tok::NotEqual
            | Tok::In
            | Tok::Is
            | Tok::And
            | Tok::Or
    )
}

/// `with (a as b, c):` — turns the parentheses that group `with` items into
/// WITH_LPAR/WITH_RPAR so the grammar needs no lookahead to tell them from a
/// parenthesised expression. CPython prefers this reading whenever the
/// closing parenthesis is followed by the `:`.
fn mark_with_parens(toks: &mut [Spanned]) {
    for i in 0..toks.len() {
        if toks[i].1 != Tok::With || toks.get(i + 1).map(|t| &t.1) != Some(&Tok::LPar) {
            continue;
        }
        let mut depth = 0usize;
        for j in i + 1..toks.len() {
            if toks[j].1.opening_bracket().is_some() {
                depth += 1;
            } else if toks[j].1.closing_bracket().is_some() {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    if toks[j].1 == Tok::RPar && toks.get(j + 1).map(|t| &t.1) == Some(&Tok::Colon)
                    {
                        toks[i + 1].1 = Tok::WithLPar;
                        toks[j].1 = Tok::WithRPar;
                    }
                    break;
                }
            }
        }
    }
}
