//! A readable disassembly of code objects (`kairos run --dis`).

use std::fmt::Write;

use super::LineIndex;
use crate::bytecode::{CodeObject, Instr};
use crate::value::Value;

/// The jump target of an instruction that has one.
pub fn jump_target(instr: &Instr) -> Option<u32> {
    match *instr {
        Instr::Jump(t)
        | Instr::PopJumpIfFalse(t)
        | Instr::PopJumpIfTrue(t)
        | Instr::JumpIfFalseOrPop(t)
        | Instr::JumpIfTrueOrPop(t)
        | Instr::ForIter(t)
        | Instr::SetupFinally(t) => Some(t),
        _ => None,
    }
}

/// Disassembles `code` and, after it, every code object among its
/// constants (recursively). One line per instruction: source position
/// (when it changes; a byte offset `@n`, since a code object does not
/// carry its source), `>>` on jump targets, index, instruction, and the
/// name or constant it refers to.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_into(code, None, &mut out);
    out
}

/// Like [`disassemble`], with line numbers taken from `source`.
pub fn disassemble_with_source(code: &CodeObject, source: &str) -> String {
    let mut out = String::new();
    disassemble_into(code, Some(&LineIndex::new(source)), &mut out);
    out
}

fn disassemble_into(code: &CodeObject, lines: Option<&LineIndex>, out: &mut String) {
    let _ = writeln!(
        out,
        "Disassembly of {} ({}, line {}):",
        code.qualname, code.filename, code.firstlineno
    );
    let _ = writeln!(out, "  flags: {}", flag_names(code.flags));
    let lists = [
        ("varnames", &code.varnames),
        ("cellvars", &code.cellvars),
        ("freevars", &code.freevars),
    ];
    for (label, names) in lists {
        if !names.is_empty() {
            let _ = writeln!(out, "  {label}: {}", names.join(", "));
        }
    }
    let targets: Vec<u32> = code.instructions.iter().filter_map(jump_target).collect();
    let mut last_line = None;
    for (i, instr) in code.instructions.iter().enumerate() {
        let start = code.locations.get(i).map_or(0, |l| l.span.start);
        let line = match lines {
            Some(index) => index.line_of(start).to_string(),
            None => format!("@{start}"),
        };
        let line_text = if last_line.as_ref() != Some(&line) {
            last_line = Some(line.clone());
            line
        } else {
            String::new()
        };
        let marker = if targets.contains(&(i as u32)) {
            ">>"
        } else {
            "  "
        };
        let detail = describe(code, instr);
        let text = format!("{instr:?}");
        let row = format!("{line_text:>5} {marker} {i:>4} {text:<32} {detail}");
        let _ = writeln!(out, "{}", row.trim_end());
    }
    for c in &code.constants {
        if let Value::Code(inner) = c {
            out.push('\n');
            disassemble_into(inner, lines, out);
        }
    }
}

fn flag_names(flags: u32) -> String {
    use crate::bytecode::flags::*;
    let names = [
        (VARARGS, "VARARGS"),
        (VARKEYWORDS, "VARKEYWORDS"),
        (NESTED, "NESTED"),
        (GENERATOR, "GENERATOR"),
        (COROUTINE, "COROUTINE"),
        (ASYNC_GENERATOR, "ASYNC_GENERATOR"),
    ];
    let set: Vec<&str> = names
        .iter()
        .filter(|(bit, _)| flags & bit != 0)
        .map(|(_, n)| *n)
        .collect();
    if set.is_empty() {
        "0".to_owned()
    } else {
        set.join(" | ")
    }
}

/// The resolved operand: a constant's repr or a name.
fn describe(code: &CodeObject, instr: &Instr) -> String {
    let name = |i: u32| {
        code.names
            .get(i as usize)
            .map(|n| n.to_string())
            .unwrap_or_default()
    };
    let var = |i: u32| code.varnames.get(i as usize).cloned().unwrap_or_default();
    let deref = |i: u32| {
        let i = i as usize;
        code.cellvars
            .get(i)
            .or_else(|| code.freevars.get(i - code.cellvars.len().min(i)))
            .cloned()
            .unwrap_or_default()
    };
    match *instr {
        Instr::LoadConst(i) => code
            .constants
            .get(i as usize)
            .map_or_else(String::new, const_repr),
        Instr::LoadFast(i) | Instr::StoreFast(i) | Instr::DeleteFast(i) => var(i),
        Instr::LoadDeref(i)
        | Instr::StoreDeref(i)
        | Instr::DeleteDeref(i)
        | Instr::LoadClosure(i)
        | Instr::LoadClassDeref(i) => deref(i),
        Instr::LoadGlobal(i)
        | Instr::StoreGlobal(i)
        | Instr::DeleteGlobal(i)
        | Instr::LoadName(i)
        | Instr::StoreName(i)
        | Instr::DeleteName(i)
        | Instr::LoadAttr(i)
        | Instr::StoreAttr(i)
        | Instr::DeleteAttr(i)
        | Instr::ImportFrom(i)
        | Instr::StoreAnnotation(i) => name(i),
        Instr::CallMethod { name: i, .. } | Instr::ImportName { name: i, .. } => name(i),
        _ => String::new(),
    }
}

fn const_repr(v: &Value) -> String {
    match v {
        Value::None => "None".to_owned(),
        Value::Ellipsis => "Ellipsis".to_owned(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::Int(i) => i.to_string(),
        Value::BigInt(n) => n.to_string(),
        Value::Float(f) => format!("{f:?}"),
        Value::Str(s) => format!("{:?}", s.as_str()),
        Value::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
        Value::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Value::Code(c) => format!("<code {}>", c.qualname),
        #[allow(unreachable_patterns)]
        _ => "<const>".to_owned(),
    }
}
