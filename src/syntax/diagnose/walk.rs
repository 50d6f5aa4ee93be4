//! Navigation over the token slice around a parse failure: brackets,
//! logical lines and the extent of expressions, which CPython's messages
//! use for their caret ranges.

use super::Context;
use crate::syntax::token::Tok;

impl<'a> Context<'a> {
    pub(super) fn tok(&self, i: usize) -> Option<&'a Tok> {
        self.toks.get(i).map(|t| &t.1)
    }

    /// Index of the first token of the logical line containing `i`.
    pub(super) fn line_start(&self, i: usize) -> usize {
        let mut s = i.min(self.toks.len());
        while s > 0
            && !matches!(
                self.toks[s - 1].1,
                Tok::Newline | Tok::Indent | Tok::Dedent | Tok::StartModule | Tok::StartFString
            )
        {
            s -= 1;
        }
        s
    }

    /// Whether a binary operator sits at the top level of tokens `from..=to`.
    pub(super) fn has_operator(&self, from: usize, to: usize) -> bool {
        let mut depth = 0usize;
        for i in from..=to {
            let t = &self.toks[i].1;
            if t.opening_bracket().is_some() {
                depth += 1;
            } else if t.closing_bracket().is_some() {
                depth = depth.saturating_sub(1);
            } else if depth == 0 && i > from && is_binary_operator(t) {
                return true;
            }
        }
        false
    }

    /// Whether the `(` at `open` starts a `def` parameter list.
    pub(super) fn is_parameter_list(&self, open: usize) -> bool {
        open >= 2
            && matches!(self.toks[open - 1].1, Tok::Name(_))
            && self.toks[open - 2].1 == Tok::Def
    }

    /// Index of the innermost bracket still open before token `i`.
    pub(super) fn innermost_open(&self, i: usize) -> Option<usize> {
        let mut open = Vec::new();
        for (j, (_, t, _)) in self.toks[..i.min(self.toks.len())].iter().enumerate() {
            if t.opening_bracket().is_some() {
                open.push(j);
            } else if t.closing_bracket().is_some() {
                open.pop();
            }
        }
        open.pop()
    }

    /// Index just after the expression starting at `i`.
    pub(super) fn next_after(&self, i: usize) -> Option<usize> {
        let end = self.expression_end(i, false)?;
        Some(
            self.toks
                .iter()
                .position(|t| t.0 >= end && t.2 > t.0)
                .unwrap_or(self.toks.len()),
        )
    }

    /// Start offset of the `disjunction` that ends with token `last`.
    pub(super) fn operand_start(&self, last: usize) -> Option<usize> {
        self.operand_start_index(last).map(|i| self.toks[i].0)
    }

    /// Index of the first token of the `disjunction` that ends with token
    /// `last`: primaries (atoms with trailers) joined by binary operators,
    /// each possibly behind prefix operators.
    pub(super) fn operand_start_index(&self, last: usize) -> Option<usize> {
        let mut i = last;
        self.toks.get(i)?;
        loop {
            // Back over one primary.
            loop {
                let t = &self.toks[i].1;
                if t.closing_bracket().is_some() {
                    i = self.matching_open(i)?;
                    let is_trailer =
                        i > 0 && ends_operand(&self.toks[i - 1].1) && self.toks[i].1 != Tok::LBrace;
                    if is_trailer {
                        i -= 1;
                        continue;
                    }
                } else if matches!(t, Tok::Name(_)) && i >= 2 && self.toks[i - 1].1 == Tok::Dot {
                    i -= 2;
                    continue;
                } else if matches!(t, Tok::Str(_)) {
                    while i > 0 && matches!(self.toks[i - 1].1, Tok::Str(_)) {
                        i -= 1;
                    }
                }
                break;
            }
            // Prefix operators: `-x`, `not x`, `await x`.
            while i > 0 && self.is_prefix_at(i - 1) {
                i -= 1;
            }
            // A binary operator joins it to an earlier operand.
            let Some(op) = i.checked_sub(1) else {
                return Some(i);
            };
            let op_len = match (&self.toks[op].1, op.checked_sub(1).map(|j| &self.toks[j].1)) {
                (Tok::In, Some(Tok::Not)) => 2,
                (t, _) if is_binary_operator(t) => 1,
                _ => return Some(i),
            };
            match (op + 1).checked_sub(op_len + 1) {
                Some(before) if ends_operand(&self.toks[before].1) => i = before,
                _ => return Some(i),
            }
        }
    }

    /// Whether token `i` is a prefix (unary) operator.
    pub(super) fn is_prefix_at(&self, i: usize) -> bool {
        match self.toks[i].1 {
            Tok::Not | Tok::Await | Tok::Tilde => true,
            Tok::Minus | Tok::Plus => i == 0 || !ends_operand(&self.toks[i - 1].1),
            _ => false,
        }
    }

    pub(super) fn matching_open(&self, close: usize) -> Option<usize> {
        self.matching_bracket(
            (0..=close).rev(),
            |t| t.closing_bracket().is_some(),
            |t| t.opening_bracket().is_some(),
        )
    }

    pub(super) fn matching_close(&self, open: usize) -> Option<usize> {
        self.matching_bracket(
            open..self.toks.len(),
            |t| t.opening_bracket().is_some(),
            |t| t.closing_bracket().is_some(),
        )
    }

    /// Walks `order` from a bracket to the token that balances it; None if
    /// the brackets never balance (or close before they open).
    fn matching_bracket(
        &self,
        order: impl Iterator<Item = usize>,
        deeper: impl Fn(&Tok) -> bool,
        shallower: impl Fn(&Tok) -> bool,
    ) -> Option<usize> {
        let mut depth = 0usize;
        for i in order {
            let t = &self.toks[i].1;
            if deeper(t) {
                depth += 1;
            } else if shallower(t) {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
        }
        None
    }

    /// End offset of the expression starting at token `i` (operands joined
    /// by binary operators, with trailers); with `commas`, a tuple of them.
    pub(super) fn expression_end(&self, mut i: usize, commas: bool) -> Option<usize> {
        let mut end = None;
        loop {
            // Prefix operators.
            while matches!(
                self.tok(i),
                Some(Tok::Not | Tok::Minus | Tok::Plus | Tok::Tilde | Tok::Await)
            ) {
                i += 1;
            }
            let t = self.tok(i)?;
            if t.opening_bracket().is_some() {
                i = self.matching_close(i)?;
            } else if matches!(t, Tok::Str(_)) {
                while matches!(self.tok(i + 1), Some(Tok::Str(_))) {
                    i += 1;
                }
            } else if !ends_operand(t) {
                return end;
            }
            end = Some(self.toks[i].2);
            i += 1;
            // Trailers.
            loop {
                match self.tok(i) {
                    Some(Tok::Dot) if matches!(self.tok(i + 1), Some(Tok::Name(_))) => {
                        end = Some(self.toks[i + 1].2);
                        i += 2;
                    }
                    Some(Tok::LPar | Tok::LSqb) => {
                        i = self.matching_close(i)?;
                        end = Some(self.toks[i].2);
                        i += 1;
                    }
                    _ => break,
                }
            }
            match self.tok(i) {
                Some(t) if is_binary_operator(t) => i += 1,
                Some(Tok::Comma) if commas => i += 1,
                _ => return end,
            }
        }
    }
}

/// Tokens that can end an operand.
pub(super) fn ends_operand(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Str(_)
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
            | Tok::RPar
            | Tok::RSqb
            | Tok::RBrace
    )
}

/// Tokens that can start an operand.
pub(super) fn starts_operand(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Str(_)
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
            | Tok::LPar
            | Tok::LSqb
            | Tok::LBrace
            | Tok::Lambda
            | Tok::Not
            | Tok::Await
            | Tok::Tilde
    )
}

pub(super) fn is_binary_operator(t: &Tok) -> bool {
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
            | Tok::Not
            | Tok::And
            | Tok::Or
    )
}
