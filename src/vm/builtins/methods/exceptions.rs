//! Methods of the built-in exception classes: construction, `str`/`repr`,
//! notes, the attributes some classes derive from their args
//! (`StopIteration.value`, `SystemExit.code`, `OSError.errno`), and
//! exception groups (`ExceptionGroup`, `split`, `subgroup`, `derive`).

use std::rc::Rc;

use crate::value::Value;
use crate::vm::builtins::args::{exactly_one, self_arg};
use crate::vm::builtins::methods::{add_new, add_property, add_property_rw};
use crate::vm::classes::new_exception;
use crate::vm::exceptions::{ExcKind, PyErr};
use crate::vm::objects::{Instance, KwArgs, TypeObj};
use crate::vm::{PyResult, Vm};

/// A new exception of a built-in class with the given args, as an error.
pub fn new_exception_error(vm: &mut Vm, kind: ExcKind, args: Vec<Value>) -> PyErr {
    let class = vm.exc_type(kind).clone();
    PyErr::Raise(new_exception(&class, args))
}

pub fn install(vm: &mut Vm) {
    let base = vm.exc_type(ExcKind::BaseException).clone();
    add_new(&base, base_new);
    vm.add_method(&base, "__init__", base_init);
    vm.add_method(&base, "__str__", base_str);
    vm.add_method(&base, "__repr__", base_repr);
    vm.add_method(&base, "with_traceback", with_traceback);
    vm.add_method(&base, "add_note", add_note);

    let key_error = vm.exc_type(ExcKind::KeyError).clone();
    vm.add_method(&key_error, "__str__", key_error_str);

    let stop = vm.exc_type(ExcKind::StopIteration).clone();
    add_property_rw(&stop, "value", stop_value, Some(set_value));
    let exit = vm.exc_type(ExcKind::SystemExit).clone();
    add_property_rw(&exit, "code", exit_code, Some(set_code));

    let os_error = vm.exc_type(ExcKind::OSError).clone();
    vm.add_method(&os_error, "__str__", os_error_str);
    add_property_rw(&os_error, "errno", errno, Some(set_errno));
    add_property_rw(&os_error, "strerror", strerror, Some(set_strerror));
    add_property_rw(&os_error, "filename", filename, Some(set_filename));

    let import_error = vm.exc_type(ExcKind::ImportError).clone();
    vm.add_method(&import_error, "__init__", import_error_init);
    let attribute_error = vm.exc_type(ExcKind::AttributeError).clone();
    vm.add_method(&attribute_error, "__init__", attribute_error_init);
    let name_error = vm.exc_type(ExcKind::NameError).clone();
    vm.add_method(&name_error, "__init__", name_error_init);

    let group = vm.exc_type(ExcKind::BaseExceptionGroup).clone();
    vm.add_method(&group, "__init__", group_init);
    vm.add_method(&group, "__str__", group_str);
    vm.add_method(&group, "derive", derive);
    vm.add_method(&group, "split", split);
    vm.add_method(&group, "subgroup", subgroup);
    add_property(&group, "message", group_message);
    add_property(&group, "exceptions", group_exceptions);
}

/// The exception instance in `args[0]`.
fn this(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<Rc<Instance>> {
    self_arg(vm, args, "BaseException", method, |v| match v {
        Value::Instance(i) if i.exc.is_some() => Some(i.clone()),
        _ => None,
    })
}

fn exc_args(inst: &Instance) -> Vec<Value> {
    inst.exc
        .as_ref()
        .map(|e| e.borrow().args.clone())
        .unwrap_or_default()
}

fn set_args(inst: &Instance, args: Vec<Value>) {
    if let Some(e) = &inst.exc {
        e.borrow_mut().args = args;
    }
}

/// `BaseException.__new__(cls, *args)`.
fn base_new(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    match args.first() {
        Some(Value::Type(cls)) if cls.is_exception() => Ok(new_exception(cls, args[1..].to_vec())),
        Some(other) => {
            let shown = vm.repr(other)?;
            Err(vm.type_error(format!(
                "BaseException.__new__(X): X is not a type object ({shown})"
            )))
        }
        None => Err(vm.type_error("BaseException.__new__(): not enough arguments")),
    }
}

/// `BaseException.__init__(self, *args)`: records the args.
fn base_init(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let inst = this(vm, args, "__init__")?;
    if !kwargs.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", inst.class.name)));
    }
    set_args(&inst, args[1..].to_vec());
    Ok(Value::None)
}

/// `str(exc)`: '' for no args, str(arg) for one, the args tuple's repr otherwise.
fn base_str(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let inst = this(vm, args, "__str__")?;
    let items = exc_args(&inst);
    Ok(Value::string(match items.as_slice() {
        [] => String::new(),
        [only] => vm.to_str(only)?,
        _ => vm.repr(&Value::tuple(items))?,
    }))
}

/// `ValueError('x')`, `ValueError()`, `ValueError('a', 1)`.
fn base_repr(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let inst = this(vm, args, "__repr__")?;
    let items = exc_args(&inst);
    let name = inst.class.name.clone();
    Ok(Value::string(match items.as_slice() {
        [only] => format!("{name}({})", vm.repr(only)?),
        _ => format!("{name}{}", vm.repr(&Value::tuple(items))?),
    }))
}

/// `exc.with_traceback(tb)`: `None` clears the traceback; kairos keeps
/// its own traceback records, so other values leave it unchanged.
fn with_traceback(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let inst = this(vm, args, "with_traceback")?;
    let tb = exactly_one(vm, "with_traceback", &args[1..], kwargs)?;
    if tb.is_none() {
        if let Some(e) = &inst.exc {
            e.borrow_mut().traceback.clear();
        }
    }
    Ok(args[0].clone())
}

/// `exc.add_note(note)`: appends to the `__notes__` list.
fn add_note(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let inst = this(vm, args, "add_note")?;
    let note = exactly_one(vm, "BaseException.add_note", &args[1..], kwargs)?;
    if !matches!(note, Value::Str(_)) {
        let tn = vm.type_name(note);
        return Err(vm.type_error(format!("note must be a str, not '{tn}'")));
    }
    let existing = inst.attr("__notes__");
    match existing {
        Some(Value::List(notes)) => notes.borrow_mut().push(note.clone()),
        Some(_) => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
        None => {
            inst.set_attr("__notes__", Value::list(vec![note.clone()]));
        }
    }
    Ok(Value::None)
}

/// `str(KeyError(k))` shows the key's repr.
fn key_error_str(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let inst = this(vm, args, "__str__")?;
    match exc_args(&inst).as_slice() {
        [only] => Ok(Value::string(vm.repr(only)?)),
        _ => base_str(vm, args, kwargs),
    }
}

/// An attribute stored in the instance dict once assigned, derived from
/// the args until then.
fn member(inst: &Instance, name: &str, derive: impl FnOnce(&[Value]) -> Value) -> Value {
    inst.attr(name).unwrap_or_else(|| derive(&exc_args(inst)))
}

fn store_member(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    let inst = this(vm, args, name)?;
    let value = args.get(1).cloned().unwrap_or(Value::None);
    inst.set_attr(name, value);
    Ok(Value::None)
}

fn arg_or_none(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or(Value::None)
}

fn stop_value(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let inst = this(vm, args, "value")?;
    Ok(member(&inst, "value", |a| arg_or_none(a, 0)))
}

fn set_value(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    store_member(vm, args, "value")
}

fn exit_code(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let inst = this(vm, args, "code")?;
    Ok(member(&inst, "code", |a| match a {
        [] => Value::None,
        [only] => only.clone(),
        many => Value::tuple(many.to_vec()),
    }))
}

fn set_code(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    store_member(vm, args, "code")
}

/// OSError's errno/strerror come from `OSError(errno, strerror[, filename])`.
fn os_arg(inst: &Instance, name: &str, i: usize) -> Value {
    member(inst, name, |a| {
        if a.len() >= 2 {
            arg_or_none(a, i)
        } else {
            Value::None
        }
    })
}

fn errno(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let inst = this(vm, args, "errno")?;
    Ok(os_arg(&inst, "errno", 0))
}

fn set_errno(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    store_member(vm, args, "errno")
}

fn strerror(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let inst = this(vm, args, "strerror")?;
    Ok(os_arg(&inst, "strerror", 1))
}

fn set_strerror(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    store_member(vm, args, "strerror")
}

fn filename(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let inst = this(vm, args, "filename")?;
    Ok(os_arg(&inst, "filename", 2))
}

fn set_filename(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    store_member(vm, args, "filename")
}

/// `[Errno 2] No such file or directory: 'x'`
fn os_error_str(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let inst = this(vm, args, "__str__")?;
    let items = exc_args(&inst);
    if !(2..=5).contains(&items.len()) {
        return base_str(vm, args, kwargs);
    }
    let errno = vm.to_str(&items[0])?;
    let strerror = vm.to_str(&items[1])?;
    let text = match items.get(2).filter(|f| !f.is_none()) {
        Some(file) => format!("[Errno {errno}] {strerror}: {}", vm.repr(file)?),
        None => format!("[Errno {errno}] {strerror}"),
    };
    Ok(Value::string(text))
}

/// `__init__` for exceptions with keyword-only attributes
/// (`ImportError(msg, name=..., path=...)`): records the args and sets
/// each attribute, None when not given.
fn init_with_attrs(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &KwArgs,
    attrs: &[&str],
) -> PyResult<Value> {
    let inst = this(vm, args, "__init__")?;
    if let Some((k, _)) = kwargs.iter().find(|(k, _)| !attrs.contains(&&**k)) {
        return Err(vm.type_error(format!(
            "{}() got an unexpected keyword argument '{k}'",
            inst.class.name
        )));
    }
    set_args(&inst, args[1..].to_vec());
    for &attr in attrs {
        let value = kwargs
            .iter()
            .find(|(k, _)| &**k == attr)
            .map(|(_, v)| v.clone())
            .unwrap_or(Value::None);
        inst.set_attr(attr, value);
    }
    Ok(Value::None)
}

fn import_error_init(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    init_with_attrs(vm, args, kwargs, &["name", "path"])?;
    let inst = this(vm, args, "__init__")?;
    let msg = if args.len() == 2 {
        args[1].clone()
    } else {
        Value::None
    };
    inst.set_attr("msg", msg);
    Ok(Value::None)
}

fn attribute_error_init(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    init_with_attrs(vm, args, kwargs, &["name", "obj"])
}

fn name_error_init(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    init_with_attrs(vm, args, kwargs, &["name"])
}

// ----- exception groups ----------------------------------------------

/// `BaseExceptionGroup(message, exceptions)`, validated as CPython's
/// `__new__` does; args keep the sequence as given.
fn group_init(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let inst = this(vm, args, "__init__")?;
    if !kwargs.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", inst.class.name)));
    }
    let rest = &args[1..];
    if rest.len() != 2 {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            rest.len()
        )));
    }
    if !matches!(rest[0], Value::Str(_)) {
        let tn = vm.type_name(&rest[0]);
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {tn}"
        )));
    }
    let is_sequence = match &rest[1] {
        Value::List(_) | Value::Tuple(_) => true,
        Value::Instance(_) => {
            let class = vm.type_of(&rest[1]);
            class.lookup("__getitem__").is_some() && class.lookup("__len__").is_some()
        }
        _ => false,
    };
    if !is_sequence {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let items = vm.collect_iterable(&rest[1])?;
    if items.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let exception = vm.exc_type(ExcKind::Exception).clone();
    let only_exceptions = inst.class.is_subtype(&exception);
    for (i, item) in items.iter().enumerate() {
        if Vm::exc_data(item).is_none() {
            return Err(vm.value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        if only_exceptions && !vm.is_instance(item, &exception) {
            return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    }
    set_args(&inst, rest.to_vec());
    Ok(Value::None)
}

fn group_parts(inst: &Instance) -> (Value, Vec<Value>) {
    let args = exc_args(inst);
    let message = args.first().cloned().unwrap_or_else(|| Value::str(""));
    let excs = match args.get(1) {
        Some(Value::List(l)) => l.borrow().clone(),
        Some(Value::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    };
    (message, excs)
}

fn group_message(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let inst = this(vm, args, "message")?;
    Ok(group_parts(&inst).0)
}

fn group_exceptions(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let inst = this(vm, args, "exceptions")?;
    Ok(Value::tuple(group_parts(&inst).1))
}

/// `msg (2 sub-exceptions)`
fn group_str(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let inst = this(vm, args, "__str__")?;
    let (message, excs) = group_parts(&inst);
    let message = vm.to_str(&message)?;
    let n = excs.len();
    let plural = if n == 1 { "" } else { "s" };
    Ok(Value::string(format!(
        "{message} ({n} sub-exception{plural})"
    )))
}

/// `eg.derive(excs)`: a group with the same message; an ExceptionGroup
/// when every member is an Exception (as `BaseExceptionGroup.__new__` picks).
fn derive(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let inst = this(vm, args, "derive")?;
    let excs = exactly_one(vm, "derive", &args[1..], kwargs)?.clone();
    let (message, _) = group_parts(&inst);
    let items = vm.collect_iterable(&excs)?;
    let exception = vm.exc_type(ExcKind::Exception).clone();
    let kind = if items.iter().all(|e| vm.is_instance(e, &exception)) {
        ExcKind::ExceptionGroup
    } else {
        ExcKind::BaseExceptionGroup
    };
    let class = vm.exc_type(kind).clone();
    vm.call(&Value::Type(class), vec![message, excs], &[])
}

/// What `split`/`subgroup` select by.
enum Condition {
    Classes(Vec<Rc<TypeObj>>),
    Predicate(Value),
}

fn condition(vm: &mut Vm, cond: &Value) -> PyResult<Condition> {
    let bad = "expected a function, exception type or tuple of exception types";
    match cond {
        Value::Type(t) if t.is_exception() => Ok(Condition::Classes(vec![t.clone()])),
        Value::Tuple(items) => {
            let mut classes = Vec::with_capacity(items.len());
            for item in items.iter() {
                match item {
                    Value::Type(t) if t.is_exception() => classes.push(t.clone()),
                    _ => return Err(vm.type_error(bad)),
                }
            }
            Ok(Condition::Classes(classes))
        }
        Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) => {
            Ok(Condition::Predicate(cond.clone()))
        }
        Value::Instance(_) if vm.type_of(cond).lookup("__call__").is_some() => {
            Ok(Condition::Predicate(cond.clone()))
        }
        _ => Err(vm.type_error(bad)),
    }
}

fn matches(vm: &mut Vm, cond: &Condition, exc: &Value) -> PyResult<bool> {
    match cond {
        Condition::Classes(classes) => {
            let class = vm.type_of(exc);
            Ok(classes.iter().any(|c| class.is_subtype(c)))
        }
        Condition::Predicate(f) => {
            let r = vm.call1(f, exc.clone())?;
            vm.is_true(&r)
        }
    }
}

/// Splits a group into the part matching `cond` and the rest (when
/// `want_rest`), recursing into nested groups. Derived groups keep the
/// original's traceback, cause, context and notes.
fn split_group(
    vm: &mut Vm,
    group: &Value,
    cond: &Condition,
    want_rest: bool,
) -> PyResult<(Option<Value>, Option<Value>)> {
    if matches(vm, cond, group)? {
        return Ok((Some(group.clone()), None));
    }
    let Value::Instance(inst) = group else {
        return Ok((None, Some(group.clone())));
    };
    let group_class = vm.exc_type(ExcKind::BaseExceptionGroup).clone();
    let (_, excs) = group_parts(inst);
    let (mut matched, mut rest) = (Vec::new(), Vec::new());
    for exc in excs {
        if vm.is_instance(&exc, &group_class) {
            let (m, r) = split_group(vm, &exc, cond, want_rest)?;
            matched.extend(m);
            rest.extend(r);
        } else if matches(vm, cond, &exc)? {
            matched.push(exc);
        } else {
            rest.push(exc);
        }
    }
    let matched = derive_copy(vm, group, matched)?;
    let rest = if want_rest {
        derive_copy(vm, group, rest)?
    } else {
        None
    };
    Ok((matched, rest))
}

fn derive_copy(vm: &mut Vm, group: &Value, excs: Vec<Value>) -> PyResult<Option<Value>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let derive = vm.getattr(group, "derive")?;
    let derived = vm.call1(&derive, Value::list(excs))?;
    if let (Some(src), Some(dst)) = (Vm::exc_data(group), Vm::exc_data(&derived)) {
        let src = src.borrow();
        let mut dst = dst.borrow_mut();
        dst.traceback = src.traceback.clone();
        dst.cause = src.cause.clone();
        dst.context = src.context.clone();
        dst.suppress_context = src.suppress_context;
    }
    if let (Value::Instance(src), Value::Instance(dst)) = (group, &derived) {
        if let Some(notes) = src.attr("__notes__") {
            dst.set_attr("__notes__", notes);
        }
    }
    Ok(Some(derived))
}

fn split(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "split")?;
    let cond = exactly_one(vm, "split", &args[1..], kwargs)?;
    let cond = condition(vm, cond)?;
    let (matched, rest) = split_group(vm, &args[0], &cond, true)?;
    Ok(Value::tuple(vec![
        matched.unwrap_or(Value::None),
        rest.unwrap_or(Value::None),
    ]))
}

fn subgroup(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "subgroup")?;
    let cond = exactly_one(vm, "subgroup", &args[1..], kwargs)?;
    let cond = condition(vm, cond)?;
    let (matched, _) = split_group(vm, &args[0], &cond, false)?;
    Ok(matched.unwrap_or(Value::None))
}
