//! `_sys`: argv, the standard streams, exit, the recursion limit and the
//! loaded modules; `sys.py` re-exports them and adds what is simpler in
//! Python (`version_info`, the `modules` view).

use std::any::Any;
use std::rc::Rc;

use crate::value::Value;
use crate::vm::builtins::native_function;
use crate::vm::exceptions::ExcKind;
use crate::vm::objects::{DictObj, KwArgs, ModuleObj, NativeObject};
use crate::vm::{PyResult, Vm};

/// `sys.stdout` / `sys.stderr`.
pub struct Stream {
    pub is_stderr: bool,
}

impl NativeObject for Stream {
    fn type_name(&self) -> &'static str {
        "TextIOWrapper"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn stream_write(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (Some(Value::Native(n)), Some(text)) = (args.first(), args.get(1)) else {
        return Err(vm.type_error("write() takes exactly one argument"));
    };
    let Value::Str(s) = text else {
        return Err(vm.type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(text)
        )));
    };
    let is_stderr = n
        .as_any()
        .downcast_ref::<Stream>()
        .is_some_and(|s| s.is_stderr);
    if is_stderr {
        vm.write_stderr(s.as_str());
    } else {
        vm.write_stdout(s.as_str());
    }
    Ok(Value::Int(s.len() as i64))
}

fn stream_flush(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::None)
}

fn exit(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let class = vm.exc_type(ExcKind::SystemExit).clone();
    let args = args.first().cloned().into_iter().collect();
    Err(crate::vm::exceptions::PyErr::Raise(
        crate::vm::classes::new_exception(&class, args),
    ))
}

fn getrecursionlimit(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Int(vm.limits.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let n = match args.first() {
        Some(v) => vm.to_index(v)?,
        None => {
            return Err(vm.type_error("setrecursionlimit() takes exactly one argument (0 given)"))
        }
    };
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    // The VM's frames are on the heap; the cap only guards memory.
    vm.limits.recursion_limit = (n as usize).min(100_000);
    Ok(Value::None)
}

fn exc_info(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(match vm.exc_info.clone() {
        Some(e) => Value::tuple(vec![Value::Type(vm.type_of(&e)), e, Value::None]),
        None => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}

/// `_sys.modules()`: a fresh dict of the loaded modules, `__main__` first.
fn modules(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let table = DictObj::new();
    if let Some(main) = vm.frames.first() {
        let module = ModuleObj {
            name: "__main__".to_owned(),
            dict: main.globals.clone(),
        };
        table.set_str("__main__", Value::Module(Rc::new(module)));
    }
    for (name, module) in &vm.modules {
        table.set_str(name, module.clone());
    }
    Ok(Value::Dict(table))
}

pub fn init(vm: &mut Vm, ns: &Rc<DictObj>) -> PyResult<()> {
    let argv = vm.argv.iter().map(|a| Value::str(a)).collect();
    ns.set_str("argv", Value::list(argv));
    let stdout = Value::Native(Rc::new(Stream { is_stderr: false }));
    let stderr = Value::Native(Rc::new(Stream { is_stderr: true }));
    let stream_type = vm.type_of(&stdout);
    vm.add_method(&stream_type, "write", stream_write);
    vm.add_method(&stream_type, "flush", stream_flush);
    ns.set_str("stdout", stdout.clone());
    ns.set_str("stderr", stderr.clone());
    ns.set_str("__stdout__", stdout);
    ns.set_str("__stderr__", stderr);
    ns.set_str("exit", native_function("exit", "exit".into(), exit));
    ns.set_str(
        "getrecursionlimit",
        native_function(
            "getrecursionlimit",
            "getrecursionlimit".into(),
            getrecursionlimit,
        ),
    );
    ns.set_str(
        "setrecursionlimit",
        native_function(
            "setrecursionlimit",
            "setrecursionlimit".into(),
            setrecursionlimit,
        ),
    );
    ns.set_str(
        "exc_info",
        native_function("exc_info", "exc_info".into(), exc_info),
    );
    ns.set_str(
        "modules",
        native_function("modules", "modules".into(), modules),
    );
    ns.set_str("version", Value::str("3.11.7 (kairos)"));
    ns.set_str("platform", Value::str("linux"));
    ns.set_str("maxsize", Value::Int(i64::MAX));
    ns.set_str("byteorder", Value::str("little"));
    ns.set_str("path", Value::list(vec![]));
    ns.set_str("executable", Value::str("kairos"));
    Ok(())
}
