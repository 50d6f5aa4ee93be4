//! CPython 3.11's traceback text: frames of user code with their source
//! lines and caret lines, chained exceptions, and warnings.

use std::rc::Rc;

use crate::bytecode::{Instr, Location};
use crate::value::Value;
use crate::vm::exceptions::TraceEntry;
use crate::vm::Vm;

/// Files whose frames are kairos's own modules, hidden from tracebacks.
pub const INTERNAL_PREFIX: &str = "<kairos>/";

impl Vm {
    /// The full text CPython prints for an uncaught exception.
    pub fn format_exception(&mut self, exc: &Value) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_chain(exc, &mut out, &mut seen);
        out
    }

    fn format_chain(&mut self, exc: &Value, out: &mut String, seen: &mut Vec<usize>) {
        seen.push(exc.address());
        if let Some(data) = Vm::exc_data(exc) {
            let (cause, context, suppress) = {
                let d = data.borrow();
                (d.cause.clone(), d.context.clone(), d.suppress_context)
            };
            if let Some(cause) = cause.filter(|c| !seen.contains(&c.address())) {
                self.format_chain(&cause, out, seen);
                out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
            } else if let Some(context) = context.filter(|c| !suppress && !seen.contains(&c.address())) {
                self.format_chain(&context, out, seen);
                out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
            }
        }
        self.format_single(exc, out);
    }

    fn format_single(&mut self, exc: &Value, out: &mut String) {
        let entries: Vec<TraceEntry> = Vm::exc_data(exc)
            .map(|d| d.borrow().traceback.iter().rev().cloned().collect())
            .unwrap_or_default();
        let visible: Vec<TraceEntry> = entries
            .into_iter()
            .filter(|e| !e.code.filename.starts_with(INTERNAL_PREFIX))
            .collect();
        if !visible.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            self.format_entries(&visible, out);
        }
        out.push_str(&self.exception_line(exc));
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
        let loc = entry.code.locations.get(entry.instr).copied().unwrap_or_default();
        match self.source(&entry.code.filename) {
            Some(src) => src.line_col(loc.span.start).0,
            None => entry.code.firstlineno as usize,
        }
    }

    fn format_entry(&self, entry: &TraceEntry, line: usize) -> String {
        let code = &entry.code;
        let mut s = format!("  File \"{}\", line {}, in {}\n", code.filename, line, code.name);
        let Some(src) = self.source(&code.filename) else {
            return s;
        };
        let text = src.line_text(line);
        let stripped = text.trim_start();
        if stripped.trim_end().is_empty() {
            return s;
        }
        s.push_str(&format!("    {}\n", stripped.trim_end()));
        let loc: Location = code.locations.get(entry.instr).copied().unwrap_or_default();
        let instr = code.instructions.get(entry.instr);
        if let Some(carets) = caret_line(&src, text, line, loc, instr) {
            s.push_str(&carets);
        }
        s
    }

    /// `ValueError: message`, as CPython's last traceback line.
    pub fn exception_line(&mut self, exc: &Value) -> String {
        let class = self.type_of(exc);
        let name = if class.module == "__main__" || class.module == "builtins" {
            class.qualname.clone()
        } else {
            format!("{}.{}", class.module, class.qualname)
        };
        let text = match self.to_str(exc) {
            Ok(t) => t,
            Err(_) => "<exception str() failed>".to_owned(),
        };
        let mut line = if text.is_empty() {
            format!("{name}\n")
        } else {
            format!("{name}: {text}\n")
        };
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

    /// Prints a warning the way `warnings.showwarning` does, at the
    /// innermost frame of user code.
    pub fn warn(&mut self, category: &str, message: &str) {
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
            return Some((frame.code.filename.to_string(), line, src.line_text(line).to_owned()));
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
    let anchor_splits = anchors.map_or(false, |(l, r)| r > l);
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
            while left < bytes.len() && ((bytes[left] as char).is_whitespace() || b")#".contains(&bytes[left])) {
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
