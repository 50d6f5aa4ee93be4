//! `str.format` and `str.format_map`: the replacement-field grammar
//! (`{name.attr[key]!r:spec}` with nested fields in the spec), automatic
//! and manual numbering, with CPython 3.11's error messages.

use crate::value::Value;
use crate::vm::exceptions::ExcKind;
use crate::vm::objects::KwArgs;
use crate::vm::{PyResult, Vm};

/// Where field names are looked up.
pub enum Fields<'a> {
    /// `str.format(*args, **kwargs)`
    Args {
        args: &'a [Value],
        kwargs: &'a KwArgs,
    },
    /// `str.format_map(mapping)`
    Mapping(&'a Value),
}

/// How positional fields are numbered so far.
#[derive(Clone, Copy, PartialEq)]
enum Numbering {
    Unset,
    Auto(usize),
    Manual,
}

struct Formatter<'a> {
    fields: Fields<'a>,
    numbering: Numbering,
}

/// Formats `template` as `template.format(...)` / `template.format_map(...)`.
pub fn format_template(vm: &mut Vm, template: &str, fields: Fields) -> PyResult<String> {
    let mut formatter = Formatter {
        fields,
        numbering: Numbering::Unset,
    };
    formatter.render(vm, template, 2)
}

/// One replacement field, split into its parts.
struct Field {
    name: String,
    conversion: Option<char>,
    spec: String,
}

fn value_error(vm: &mut Vm, msg: &str) -> crate::vm::exceptions::PyErr {
    vm.value_error(msg.to_owned())
}

impl Formatter<'_> {
    /// Renders a template; `depth` limits how deeply specs may nest fields.
    fn render(&mut self, vm: &mut Vm, template: &str, depth: u32) -> PyResult<String> {
        if depth == 0 {
            return Err(value_error(vm, "Max string recursion exceeded"));
        }
        let chars: Vec<char> = template.chars().collect();
        let mut out = String::with_capacity(template.len());
        let mut pos = 0;
        while pos < chars.len() {
            let c = chars[pos];
            pos += 1;
            match c {
                '{' if chars.get(pos) == Some(&'{') => {
                    out.push('{');
                    pos += 1;
                }
                '}' if chars.get(pos) == Some(&'}') => {
                    out.push('}');
                    pos += 1;
                }
                '}' => return Err(value_error(vm, "Single '}' encountered in format string")),
                '{' if pos == chars.len() => {
                    return Err(value_error(vm, "Single '{' encountered in format string"))
                }
                '{' => {
                    let field = parse_field(vm, &chars, &mut pos)?;
                    out.push_str(&self.render_field(vm, field, depth)?);
                }
                other => out.push(other),
            }
        }
        Ok(out)
    }

    fn render_field(&mut self, vm: &mut Vm, field: Field, depth: u32) -> PyResult<String> {
        let value = self.resolve(vm, &field.name)?;
        let value = match field.conversion {
            None => value,
            Some('r') => Value::string(vm.repr(&value)?),
            Some('s') => Value::string(vm.to_str(&value)?),
            Some('a') => Value::string(crate::text::ascii_escape(&vm.repr(&value)?)),
            Some(other) => {
                return Err(vm.value_error(format!("Unknown conversion specifier {other}")))
            }
        };
        let spec = if field.spec.contains('{') {
            self.render(vm, &field.spec, depth - 1)?
        } else {
            field.spec
        };
        vm.format_value(&value, &spec)
    }

    /// The value a field name designates: `0`, `name`, then `.attr` and
    /// `[key]` accessors.
    fn resolve(&mut self, vm: &mut Vm, name: &str) -> PyResult<Value> {
        let split = name.find(['.', '[']).unwrap_or(name.len());
        let (first, mut rest) = name.split_at(split);
        let mut value = self.lookup(vm, first)?;
        while !rest.is_empty() {
            if let Some(after_dot) = rest.strip_prefix('.') {
                let end = after_dot.find(['.', '[']).unwrap_or(after_dot.len());
                let attr = &after_dot[..end];
                if attr.is_empty() {
                    return Err(value_error(vm, "Empty attribute in format string"));
                }
                value = vm.getattr(&value, attr)?;
                rest = &after_dot[end..];
            } else if let Some(after_bracket) = rest.strip_prefix('[') {
                let Some(end) = after_bracket.find(']') else {
                    return Err(value_error(vm, "Missing ']' in format string"));
                };
                let key = &after_bracket[..end];
                if key.is_empty() {
                    return Err(value_error(vm, "Empty attribute in format string"));
                }
                let key = match parse_index(key) {
                    Some(i) => Value::Int(i as i64),
                    None => Value::str(key),
                };
                value = vm.getitem(&value, &key)?;
                rest = &after_bracket[end + 1..];
                if !rest.is_empty() && !rest.starts_with(['.', '[']) {
                    return Err(value_error(
                        vm,
                        "Only '.' or '[' may follow ']' in format field specifier",
                    ));
                }
            } else {
                break;
            }
        }
        Ok(value)
    }

    /// The argument for the first part of a field name.
    fn lookup(&mut self, vm: &mut Vm, first: &str) -> PyResult<Value> {
        let index = if first.is_empty() {
            match self.numbering {
                Numbering::Manual => return Err(value_error(
                    vm,
                    "cannot switch from manual field specification to automatic field numbering",
                )),
                Numbering::Unset => {
                    self.numbering = Numbering::Auto(1);
                    Some(0)
                }
                Numbering::Auto(n) => {
                    self.numbering = Numbering::Auto(n + 1);
                    Some(n)
                }
            }
        } else {
            let index = parse_index(first);
            if index.is_some() {
                if let Numbering::Auto(_) = self.numbering {
                    return Err(value_error(
                        vm,
                        "cannot switch from automatic field numbering to manual field specification",
                    ));
                }
                self.numbering = Numbering::Manual;
            }
            index
        };
        match (&self.fields, index) {
            (Fields::Args { args, .. }, Some(i)) => match args.get(i) {
                Some(v) => Ok(v.clone()),
                None => Err(vm.new_error(
                    ExcKind::IndexError,
                    format!("Replacement index {i} out of range for positional args tuple"),
                )),
            },
            (Fields::Args { kwargs, .. }, None) => {
                match kwargs.iter().find(|(k, _)| &**k == first) {
                    Some((_, v)) => Ok(v.clone()),
                    None => Err(vm.key_error(Value::str(first))),
                }
            }
            (Fields::Mapping(_), Some(_)) => {
                Err(value_error(vm, "Format string contains positional fields"))
            }
            (Fields::Mapping(mapping), None) => {
                let mapping = (*mapping).clone();
                vm.getitem(&mapping, &Value::str(first))
            }
        }
    }
}

/// A field-name part made only of ASCII digits, as an index.
fn parse_index(s: &str) -> Option<usize> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Parses the field after a `{` up to its closing `}`, leaving `pos` after it.
fn parse_field(vm: &mut Vm, chars: &[char], pos: &mut usize) -> PyResult<Field> {
    let expected_close = "expected '}' before end of string";
    let unmatched = "unmatched '{' in format spec";
    let mut name = String::new();
    // The field name: brackets may hold any character but ']'.
    let stop = loop {
        let Some(&c) = chars.get(*pos) else {
            return Err(value_error(vm, expected_close));
        };
        *pos += 1;
        match c {
            '[' => {
                name.push('[');
                loop {
                    let Some(&k) = chars.get(*pos) else {
                        return Err(value_error(vm, expected_close));
                    };
                    *pos += 1;
                    name.push(k);
                    if k == ']' {
                        break;
                    }
                }
            }
            '}' | ':' | '!' => break c,
            '{' => return Err(value_error(vm, "unexpected '{' in field name")),
            other => name.push(other),
        }
    };
    let mut conversion = None;
    let stop = if stop == '!' {
        let Some(&c) = chars.get(*pos) else {
            return Err(value_error(
                vm,
                "end of string while looking for conversion specifier",
            ));
        };
        *pos += 1;
        conversion = Some(c);
        match chars.get(*pos) {
            None => return Err(value_error(vm, unmatched)),
            Some(&next @ ('}' | ':')) => {
                *pos += 1;
                next
            }
            Some(_) => return Err(value_error(vm, "expected ':' after conversion specifier")),
        }
    } else {
        stop
    };
    let mut spec = String::new();
    if stop == ':' {
        let mut depth = 1;
        loop {
            let Some(&c) = chars.get(*pos) else {
                return Err(value_error(vm, unmatched));
            };
            *pos += 1;
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            spec.push(c);
        }
    }
    Ok(Field {
        name,
        conversion,
        spec,
    })
}
