//! Console I/O builtins: print, input, and the stand-ins for open/exit.

use std::io::BufRead;

use crate::modules::sys::Stream;
use crate::value::Value;
use crate::vm::builtins::args::{allow_kwargs, expect_count, kwarg, no_kwargs};
use crate::vm::builtins::methods::exceptions::new_exception_error;
use crate::vm::exceptions::ExcKind;
use crate::vm::objects::KwArgs;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    vm.add_builtin("print", print);
    vm.add_builtin("input", input);
    vm.add_builtin("open", open);
    vm.add_builtin("exit", exit);
    vm.add_builtin("quit", exit);
}

/// Where `print` writes.
enum Sink {
    Stdout,
    Stderr,
    /// Any object with a `write` method (its bound `write`).
    Object(Value),
}

impl Sink {
    fn write(&self, vm: &mut Vm, text: &str) -> PyResult<()> {
        match self {
            Sink::Stdout => vm.write_stdout(text),
            Sink::Stderr => vm.write_stderr(text),
            Sink::Object(write) => {
                vm.call1(write, Value::str(text))?;
            }
        }
        Ok(())
    }
}

/// The stream for `file=`: the `sys` module's own streams are written
/// directly; `None` means the current `sys.stdout`.
fn resolve_sink(vm: &mut Vm, file: Option<Value>) -> PyResult<Sink> {
    let file = match file.filter(|f| !f.is_none()) {
        Some(f) => f,
        None => match vm.modules.get("sys") {
            Some(Value::Module(sys)) => match sys.dict.get_str("stdout") {
                Some(stdout) if !stdout.is_none() => stdout,
                _ => return Ok(Sink::Stdout),
            },
            _ => return Ok(Sink::Stdout),
        },
    };
    if let Value::Native(n) = &file {
        if let Some(stream) = n.as_any().downcast_ref::<Stream>() {
            return Ok(if stream.is_stderr {
                Sink::Stderr
            } else {
                Sink::Stdout
            });
        }
    }
    match vm.getattr_opt(&file, "write")? {
        Some(write) => Ok(Sink::Object(write)),
        None => {
            let tn = vm.type_name(&file);
            Err(vm.new_error(
                ExcKind::AttributeError,
                format!("'{tn}' object has no attribute 'write'"),
            ))
        }
    }
}

/// `sep=`/`end=`: None or a str.
fn separator(vm: &mut Vm, value: Option<Value>, what: &str, default: &str) -> PyResult<String> {
    match value {
        None | Some(Value::None) => Ok(default.to_owned()),
        Some(Value::Str(s)) => Ok(s.as_str().to_owned()),
        Some(other) => {
            let tn = vm.type_name(&other);
            Err(vm.type_error(format!("{what} must be None or a string, not {tn}")))
        }
    }
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`. Pieces are
/// written one by one, as CPython does, so output before a failing
/// `__str__` still appears.
fn print(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    allow_kwargs(vm, "print", kwargs, &["sep", "end", "file", "flush"])?;
    let sep = separator(vm, kwarg(kwargs, "sep"), "sep", " ")?;
    let end = separator(vm, kwarg(kwargs, "end"), "end", "\n")?;
    let sink = resolve_sink(vm, kwarg(kwargs, "file"))?;
    if let Sink::Stdout = sink {
        // Fast path: one string, written once.
        let mut out = String::new();
        for (i, arg) in args.iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            match vm.to_str(arg) {
                Ok(s) => out.push_str(&s),
                Err(e) => {
                    vm.write_stdout(&out);
                    return Err(e);
                }
            }
        }
        out.push_str(&end);
        vm.write_stdout(&out);
    } else {
        for (i, arg) in args.iter().enumerate() {
            if i > 0 {
                sink.write(vm, &sep)?;
            }
            let s = vm.to_str(arg)?;
            sink.write(vm, &s)?;
        }
        sink.write(vm, &end)?;
    }
    if let Some(flush) = kwarg(kwargs, "flush") {
        if vm.is_true(&flush)? {
            match &sink {
                Sink::Object(_) => {
                    if let Some(file) = kwarg(kwargs, "file") {
                        if let Some(f) = vm.getattr_opt(&file, "flush")? {
                            vm.call0(&f)?;
                        }
                    }
                }
                _ => vm.flush(),
            }
        }
    }
    Ok(Value::None)
}

/// `input(prompt='')`: reads one line of the real stdin.
fn input(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "input", kwargs)?;
    expect_count(vm, "input", args, 0, 1)?;
    if let Some(prompt) = args.first() {
        let text = vm.to_str(prompt)?;
        vm.write_stdout(&text);
    }
    vm.flush();
    let mut line = String::new();
    let read = std::io::stdin().lock().read_line(&mut line);
    match read {
        Ok(0) | Err(_) => Err(vm.new_error(ExcKind::EOFError, "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
            }
            Ok(Value::string(line))
        }
    }
}

/// kairos runs untrusted snippets without file-system access (SPEC §5).
fn open(vm: &mut Vm, _args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    Err(vm.new_error(
        ExcKind::PermissionError,
        "kairos: file access is not available",
    ))
}

/// `exit(code=None)` / `quit(code=None)`.
fn exit(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "exit", kwargs)?;
    if args.len() > 1 {
        return Err(vm.type_error(format!(
            "Quitter.__call__() takes from 1 to 2 positional arguments but {} were given",
            args.len() + 1
        )));
    }
    let code = args.first().cloned().unwrap_or(Value::None);
    Err(new_exception_error(vm, ExcKind::SystemExit, vec![code]))
}
