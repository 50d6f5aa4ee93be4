//! `_time`: calendar conversions of the virtual clock for the Python-written
//! `time` module (kairos has no time zones: local time is UTC).

use std::rc::Rc;

use crate::modules::native::timefmt::{self, TimeParts};
use crate::modules::native::{ErrorKind, NativeError};
use crate::value::Value;
use crate::vm::exceptions::{ExcKind, PyErr};
use crate::vm::objects::{DictObj, KwArgs, NativeFn};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// Raises a native library error as its Python exception.
    pub fn native_error(&mut self, e: NativeError) -> PyErr {
        let kind = match e.kind {
            ErrorKind::ValueError => ExcKind::ValueError,
            ErrorKind::TypeError => ExcKind::TypeError,
            ErrorKind::IndexError => ExcKind::IndexError,
            ErrorKind::OverflowError => ExcKind::OverflowError,
            ErrorKind::ZeroDivisionError => ExcKind::ZeroDivisionError,
            ErrorKind::OsError(_) => ExcKind::OSError,
        };
        self.new_error(kind, e.message)
    }
}

/// Seconds from an optional argument, defaulting to the virtual clock.
fn seconds(vm: &mut Vm, arg: Option<&Value>) -> PyResult<f64> {
    match arg {
        None | Some(Value::None) => Ok(vm.clock),
        Some(v) => vm.to_f64(v),
    }
}

fn parts_tuple(p: &TimeParts) -> Value {
    Value::tuple(
        [
            p.year,
            p.mon as i64,
            p.mday as i64,
            p.hour as i64,
            p.min as i64,
            p.sec as i64,
            p.wday as i64,
            p.yday as i64,
            p.isdst as i64,
        ]
        .into_iter()
        .map(Value::Int)
        .collect(),
    )
}

/// A 9-tuple (or struct_time) back into parts; `None` means "now".
fn parts_arg(vm: &mut Vm, arg: Option<&Value>) -> PyResult<TimeParts> {
    match arg {
        None | Some(Value::None) => {
            let now = vm.clock;
            timefmt::localtime(now).map_err(|e| vm.native_error(e))
        }
        Some(v) => {
            let items = vm.collect_iterable(v)?;
            if items.len() != 9 {
                return Err(vm.type_error("time tuple must have exactly 9 elements"));
            }
            let mut fields = [0i64; 9];
            for (slot, item) in fields.iter_mut().zip(&items) {
                *slot = vm.to_index(item)?;
            }
            timefmt::parts_from_tuple(fields, None, None).map_err(|e| vm.native_error(e))
        }
    }
}

fn gmtime(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let secs = seconds(vm, args.first())?;
    let parts = timefmt::gmtime(secs).map_err(|e| vm.native_error(e))?;
    Ok(parts_tuple(&parts))
}

fn localtime(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let secs = seconds(vm, args.first())?;
    let parts = timefmt::localtime(secs).map_err(|e| vm.native_error(e))?;
    Ok(parts_tuple(&parts))
}

fn strftime(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let format = match args.first() {
        Some(Value::Str(s)) => s.clone(),
        _ => return Err(vm.type_error("strftime() argument 1 must be str")),
    };
    let parts = parts_arg(vm, args.get(1))?;
    let parts = parts.checked().map_err(|e| vm.native_error(e))?;
    let text = timefmt::strftime(format.as_str(), &parts).map_err(|e| vm.native_error(e))?;
    Ok(Value::string(text))
}

fn asctime(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let parts = parts_arg(vm, args.first())?;
    let parts = parts.checked().map_err(|e| vm.native_error(e))?;
    Ok(Value::string(timefmt::asctime(&parts)))
}

fn ctime(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let secs = seconds(vm, args.first())?;
    let text = timefmt::ctime(secs).map_err(|e| vm.native_error(e))?;
    Ok(Value::string(text))
}

fn mktime(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let parts = parts_arg(vm, args.first())?;
    let secs = timefmt::mktime(&parts).map_err(|e| vm.native_error(e))?;
    Ok(Value::Float(secs))
}

pub fn init(_vm: &mut Vm, ns: &Rc<DictObj>) -> PyResult<()> {
    let functions: [(&'static str, NativeFn); 6] = [
        ("gmtime", gmtime),
        ("localtime", localtime),
        ("strftime", strftime),
        ("asctime", asctime),
        ("ctime", ctime),
        ("mktime", mktime),
    ];
    crate::modules::add_functions(ns, &functions);
    Ok(())
}
