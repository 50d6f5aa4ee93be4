//! CPython 3.11's traceback text: frames of user code with their source
//! lines and caret lines, chained exceptions, and warnings.

use std::rc::Rc;

use crate::bytecode::{Instr, Location};
use crate::value::Value;
use crate::vm::exceptions::TraceEntry;
use crate::vm::Vm;

/// Files whose frames are kairos's own modules, hidden from tracebacks.
pub const INTERNAL_PREFIX: &str = "<kairos>/";

/// Where CPython's asyncio runs callbacks, as its warnings name it.
const ASYNCIO_EVENTS_PY: &str = "/usr/lib/python3.11/asyncio/events.py";

const CAUSE_MESSAGE: &str =
    "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE: &str =
    "\nDuring handling of the above exception, another exception occurred:\n\n";

/// Indentation state while printing nested exception groups.
#[derive(Default)]
struct PrintContext {
    seen: Vec<usize>,
    depth: usize,
    need_close: bool,
}

impl PrintContext {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Writes text with the group margin (`| ` or `+ `) before every line.
    fn emit(&self, out: &mut String, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

impl Vm {
    /// The full text CPython prints for an uncaught exception.
    pub fn format_exception(&mut self, exc: &Value) -> String {
        let mut out = String::new();
        let mut ctx = PrintContext::default();
        self.format_with_context(exc, &mut ctx, &mut out);
        out
    }

    /// CPython's `TracebackException.format`: the chain of causes and
    /// contexts, oldest first, and exception groups drawn as nested boxes.
    fn format_with_context(&mut self, exc: &Value, ctx: &mut PrintContext, out: &mut String) {
        // Each exception with the message that introduces it after its
        // cause or context, newest first.
        let mut chain: Vec<(Option<&'static str>, Value)> = Vec::new();
        let mut current = Some(exc.clone());
        while let Some(e) = current.take() {
            if ctx.seen.contains(&e.address()) {
                break;
            }
            ctx.seen.push(e.address());
            let mut message = None;
            if let Some(data) = Vm::exc_data(&e) {
                let d = data.borrow();
                if let Some(cause) = &d.cause {
                    message = Some(CAUSE_MESSAGE);
                    current = Some(cause.clone());
                } else if let (Some(context), false) = (&d.context, d.suppress_context) {
                    message = Some(CONTEXT_MESSAGE);
                    current = Some(context.clone());
                }
            }
            if current
                .as_ref()
                .is_some_and(|c| ctx.seen.contains(&c.address()))
            {
                message = None;
                current = None;
            }
            chain.push((message, e.clone()));
        }
        for (message, e) in chain.into_iter().rev() {
            if let Some(m) = message {
                ctx.emit(out, m, '|');
            }
            let stack = self.format_stack(&e);
            match self.group_members(&e) {
                None => {
                    if !stack.is_empty() {
                        ctx.emit(out, "Traceback (most recent call last):\n", '|');
                        ctx.emit(out, &stack, '|');
                    }
                    let line = self.exception_line(&e);
                    ctx.emit(out, &line, '|');
                }
                Some(members) => self.format_group(&e, &members, &stack, ctx, out),
            }
        }
    }

    fn format_group(
        &mut self,
        e: &Value,
        members: &[Value],
        stack: &str,
        ctx: &mut PrintContext,
        out: &mut String,
    ) {
        const MAX_WIDTH: usize = 15;
        const MAX_DEPTH: usize = 10;
        if ctx.depth > MAX_DEPTH {
            ctx.emit(out, &format!("... (max_group_depth is {MAX_DEPTH})\n"), '|');
            return;
        }
        let toplevel = ctx.depth == 0;
        if toplevel {
            ctx.depth += 1;
        }
        if !stack.is_empty() {
            let margin = if toplevel { '+' } else { '|' };
            ctx.emit(
                out,
                "Exception Group Traceback (most recent call last):\n",
                margin,
            );
            ctx.emit(out, stack, '|');
        }
        let line = self.exception_line(e);
        ctx.emit(out, &line, '|');
        let n = members.len().min(MAX_WIDTH + 1);
        ctx.need_close = false;
        for i in 0..n {
            let last = i + 1 == n;
            if last {
                ctx.need_close = true;
            }
            let truncated = i >= MAX_WIDTH;
            let title = if truncated {
                "...".to_owned()
            } else {
                (i + 1).to_string()
            };
            out.push_str(&ctx.indent());
            out.push_str(if i == 0 { "+-" } else { "  " });
            out.push_str(&format!("+---------------- {title} ----------------\n"));
            ctx.depth += 1;
            if truncated {
                let remaining = members.len() - MAX_WIDTH;
                let plural = if remaining > 1 { "s" } else { "" };
                ctx.emit(
                    out,
                    &format!("and {remaining} more exception{plural}\n"),
                    '|',
                );
            } else {
                self.format_with_context(&members[i], ctx, out);
            }
            if last && ctx.need_close {
                out.push_str(&ctx.indent());
                out.push_str("+------------------------------------\n");
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
        if toplevel {
            ctx.depth = 0;
        }
    }

    /// The sub-exceptions of an exception group.
    fn group_members(&mut self, e: &Value) -> Option<Vec<Value>> {
        let group = self
            .exc_type(crate::vm::exceptions::ExcKind::BaseExceptionGroup)
            .clone();
        if !self.is_instance(e, &group) {
            return None;
        }
        let members = self.getattr_opt(e, "exceptions").ok().flatten();
        match members {
            Some(Value::Tuple(t)) => Some(t.to_vec()),
            Some(Value::List(l)) => Some(l.borrow().clone()),
            _ => Some(Vec::new()),
        }
    }

    /// The `  File ...` lines of an exception's traceback (user frames).
    fn format_stack(&mut self, exc: &Value) -> String {
        let entries: Vec<TraceEntry> = Vm::exc_data(exc)
            .map(|d| d.borrow().traceback.iter().rev().cloned().collect())
            .unwrap_or_default();
        let visible: Vec<TraceEntry> = entries
            .into_iter()
            .filter(|e| !e.code.filename.starts_with(INTERNAL_PREFIX))
            .collect();
        let mut out = String::new();
        self.format_entries(&visible, &mut out);
        out
    }

    fn format_entries(&mut self, entries: &[TraceEntry], out: &mut String) {
        let mut last: Option<(Rc<str>, usize, String)> = None;
        let mut repeats = 0usize;
        for entry in entries {
            let line = self.entry_line(entry);
            let key = (entry.code.filename.clone(), line, entry.code.name.clone());
            if last.as_ref() == Some(&key) {
                repeats += 1;
                if repeats >= 3 {
                    continue;
                }
            } else {
                flush_repeats(out, repeats);
                repeats = 0;
                last = Some(key);
            }
            out.push_str(&self.format_entry(entry, line));
        }
        flush_repeats(out, repeats);
    }

    fn entry_line(&self, entry: &TraceEntry) -> usize {
        let loc = entry
            .code
            .locations
            .get(entry.instr)
            .copied()
            .unwrap_or_default();
        match self.source(&entry.code.filename) {
            Some(src) => src.line_col(loc.span.start).0,
            None => entry.code.firstlineno as usize,
        }
    }

    fn format_entry(&self, entry: &TraceEntry, line: usize) -> String {
        let code = &entry.code;
        let mut s = format!(
            "  File \"{}\", line {}, in {}\n",
            code.filename, line, code.name
        );
        let Some(src) = self.source(&code.filename) else {
            return s;
        };
        let text = src.line_text(line);
        let stripped = text.trim_start();
        if stripped.trim_end().is_empty() {
            return s;
        }
        s.push_str(&format!("    {}\n", stripped.trim_end()));
        let mut loc: Location = code.locations.get(entry.instr).copied().unwrap_or_default();
        let mut instr = code.instructions.get(entry.instr);
        if entry.attribute_caret {
            if let Some(anchor) = loc.anchor {
                loc = Location {
                    span: anchor,
                    anchor: None,
                };
                instr = None;
            }
        }
        if let Some(carets) = caret_line(&src, text, line, loc, instr) {
            s.push_str(&carets);
        }
        s
    }

    /// `ValueError: message`, as CPython's last traceback line.
    pub fn exception_line(&mut self, exc: &Value) -> String {
        let class = self.type_of(exc);
        let module = class.display_module();
        let name = if module == "__main__" || module == "builtins" {
            class.display_qualname()
        } else {
            format!("{module}.{}", class.display_qualname())
        };
        let text = match self.to_str(exc) {
            Ok(t) => t,
            Err(_) => "<exception str() failed>".to_owned(),
        };
        let mut line = if text.is_empty() {
            format!("{name}\n")
        } else {
            format!("{name}: {text}")
        };
        if !text.is_empty() {
            if let Some(suggestion) = self.suggestion(exc) {
                line.push_str(&format!(". Did you mean: '{suggestion}'?"));
            }
            line.push('\n');
        }
        if let Ok(Some(Value::List(notes))) = self.getattr_opt(exc, "__notes__") {
            for note in notes.borrow().iter() {
                if let Value::Str(n) = note {
                    line.push_str(n.as_str());
                    line.push('\n');
                }
            }
        }
        line
    }

    /// CPython 3.11's "Did you mean" for NameError and AttributeError,
    /// computed when the exception is displayed.
    fn suggestion(&mut self, exc: &Value) -> Option<String> {
        use crate::vm::exceptions::ExcKind;
        let name = match self.getattr_opt(exc, "name").ok()?? {
            Value::Str(s) => s.as_str().to_owned(),
            _ => return None,
        };
        if self.is_exc_kind(exc, ExcKind::AttributeError) {
            let obj = self.getattr_opt(exc, "obj").ok()??;
            let candidates =
                crate::vm::builtins::functions::introspection::attribute_names(self, &obj);
            return crate::vm::suggest::best_match(&name, &candidates);
        }
        if !self.is_exc_kind(exc, ExcKind::NameError) {
            return None;
        }
        let entry = Vm::exc_data(exc)?.borrow().traceback.first().cloned()?;
        use crate::vm::builtins::functions::introspection::dict_str_keys as dict_names;
        let mut locals = entry.code.varnames.clone();
        locals.extend(entry.code.cellvars.iter().cloned());
        locals.extend(entry.code.freevars.iter().cloned());
        // Module code keeps its names in the globals.
        let scopes = [
            locals,
            dict_names(&entry.globals),
            dict_names(&self.builtins),
        ];
        scopes
            .iter()
            .find_map(|c| crate::vm::suggest::best_match(&name, c))
    }

    /// Prints a warning the way `warnings.showwarning` does, at the
    /// innermost frame of user code.
    pub fn warn(&mut self, category: &str, message: &str) {
        let in_asyncio = self
            .frames
            .last()
            .is_some_and(|f| f.code.filename.starts_with(INTERNAL_PREFIX));
        if in_asyncio {
            // CPython reports where its event loop runs callbacks.
            self.write_stderr(&format!(
                "{ASYNCIO_EVENTS_PY}:80: {category}: {message}\n  self._context.run(self._callback, *self._args)\n"
            ));
            return;
        }
        let location = self.user_location();
        let text = match location {
            Some((file, line, source)) => {
                let mut t = format!("{file}:{line}: {category}: {message}\n");
                if !source.trim().is_empty() {
                    t.push_str(&format!("  {}\n", source.trim()));
                }
                t
            }
            None => format!("sys:1: {category}: {message}\n"),
        };
        self.write_stderr(&text);
    }

    /// (file, line, source line) of the innermost frame of user code.
    pub fn user_location(&self) -> Option<(String, usize, String)> {
        for frame in self.frames.iter().rev() {
            if frame.code.filename.starts_with(INTERNAL_PREFIX) {
                continue;
            }
            let src = self.source(&frame.code.filename)?;
            let line = frame.current_line(|o| src.line_col(o).0);
            return Some((
                frame.code.filename.to_string(),
                line,
                src.line_text(line).to_owned(),
            ));
        }
        None
    }
}

fn flush_repeats(out: &mut String, repeats: usize) {
    if repeats > 2 {
        let n = repeats - 2;
        out.push_str(&format!(
            "  [Previous line repeated {n} more time{}]\n",
            if n == 1 { "" } else { "s" }
        ));
    }
}

/// The `^^^^` / `~~~^^^~~~` line CPython 3.11 prints under a source line,
/// or `None` when the failing range covers the whole line.
fn caret_line(
    src: &crate::source::SourceFile,
    text: &str,
    line: usize,
    loc: Location,
    instr: Option<&Instr>,
) -> Option<String> {
    let (start_line, start_col) = src.line_col(loc.span.start);
    let (end_line, end_col) = src.line_col(loc.span.end);
    if start_line != line || loc.span.end <= loc.span.start {
        return None;
    }
    let indent = text.len() - text.trim_start().len();
    let stripped_len = text.trim().len();
    let to_chars = |byte: usize| text[..byte.min(text.len())].chars().count();
    let start = to_chars(start_col);
    let end = if end_line == start_line {
        to_chars(end_col)
    } else {
        to_chars(indent + stripped_len)
    };
    let indent_chars = to_chars(indent);
    let anchors = if end_line == start_line {
        anchors(src, loc, instr, start_col, end_col, text)
    } else {
        None
    };
    let covers_line = end - start >= text.trim().chars().count();
    let anchor_splits = anchors.is_some_and(|(l, r)| r > l);
    if covers_line && !anchor_splits {
        return None;
    }
    let mut s = String::from("    ");
    s.push_str(&" ".repeat(start.saturating_sub(indent_chars)));
    match anchors {
        Some((left, right)) => {
            s.push_str(&"~".repeat(left));
            s.push_str(&"^".repeat(right - left));
            s.push_str(&"~".repeat((end - start).saturating_sub(right)));
        }
        None => s.push_str(&"^".repeat(end - start)),
    }
    s.push('\n');
    Some(s)
}

/// Character offsets, relative to the segment start, of the `^` part for
/// binary operators and subscripts (CPython's `_extract_caret_anchors`).
fn anchors(
    src: &crate::source::SourceFile,
    loc: Location,
    instr: Option<&Instr>,
    start_col: usize,
    end_col: usize,
    text: &str,
) -> Option<(usize, usize)> {
    let anchor = loc.anchor?;
    let segment = text.get(start_col..end_col)?;
    let rel = |byte_offset: u32| -> Option<usize> {
        let (_, col) = src.line_col(byte_offset);
        col.checked_sub(start_col)
    };
    let chars = |b: usize| segment[..b.min(segment.len())].chars().count();
    let bytes = segment.as_bytes();
    match instr? {
        Instr::BinaryOp(_) | Instr::InplaceOp(_) => {
            let op_start = rel(anchor.start)?;
            let op_end = rel(anchor.end)?.min(segment.len());
            let op_str = segment.get(op_start..op_end)?;
            let offset = op_str.len() - op_str.trim_start().len();
            let mut left = op_start + offset;
            let mut right = left + 1;
            let ob = op_str.as_bytes();
            if offset + 1 < ob.len() && !(ob[offset + 1] as char).is_whitespace() {
                right += 1;
            }
            while left < bytes.len()
                && ((bytes[left] as char).is_whitespace() || b")#".contains(&bytes[left]))
            {
                left += 1;
                right += 1;
            }
            Some((chars(left), chars(right)))
        }
        Instr::BinarySubscr => {
            let mut left = rel(anchor.start)?;
            let mut right = rel(anchor.end)?;
            while left < bytes.len() && bytes[left] != b'[' {
                left += 1;
            }
            while right < bytes.len() && bytes[right] != b']' {
                right += 1;
            }
            if right < bytes.len() {
                right += 1;
            }
            Some((chars(left), chars(right)))
        }
        _ => None,
    }
}
