//! `str` methods. The text algorithms live in `crate::text`; this file
//! converts arguments and results with CPython's messages.

use std::rc::Rc;

use crate::text::{percent, str_case, strings};
use crate::value::Value;
use crate::vm::builtins::args::{exactly_one, expect_count, no_kwargs, self_arg, takes_count, Sig};
use crate::vm::builtins::methods::bytes::{decode_bytes, encode_text};
use crate::vm::builtins::methods::string_format::{format_template, Fields};
use crate::vm::builtins::methods::{add_new, text_error};
use crate::vm::objects::{KwArgs, NativeFn};
use crate::vm::strings::PyStr;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let str_type = vm.types.str.clone();
    add_new(&str_type, str_new);
    let methods: [(&'static str, NativeFn); 52] = [
        ("format", format),
        ("format_map", format_map),
        ("join", join),
        ("split", split),
        ("rsplit", rsplit),
        ("splitlines", splitlines),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("replace", replace),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("startswith", startswith),
        ("endswith", endswith),
        ("upper", upper),
        ("lower", lower),
        ("title", title),
        ("capitalize", capitalize),
        ("swapcase", swapcase),
        ("casefold", casefold),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("partition", partition),
        ("rpartition", rpartition),
        ("isdigit", isdigit),
        ("isdecimal", isdecimal),
        ("isnumeric", isnumeric),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("istitle", istitle),
        ("isidentifier", isidentifier),
        ("isprintable", isprintable),
        ("isascii", isascii),
        ("encode", encode),
        ("expandtabs", expandtabs),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("translate", translate),
        ("__mod__", dunder_mod),
        ("__getitem__", getitem),
        ("__contains__", contains),
        ("__len__", dunder_len),
        ("__iter__", iter),
        ("__str__", dunder_str),
    ];
    for (name, f) in methods {
        vm.add_method(&str_type, name, f);
    }
    let maketrans =
        crate::vm::builtins::native_function("maketrans", "str.maketrans".into(), maketrans);
    str_type
        .dict
        .borrow_mut()
        .insert("maketrans".into(), Value::StaticMethod(Rc::new(maketrans)));
}

fn this(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<Rc<PyStr>> {
    self_arg(vm, args, "str", method, |v| match v {
        Value::Str(s) => Some(s.clone()),
        _ => None,
    })
}

fn text_result<T>(vm: &mut Vm, r: crate::text::TextResult<T>) -> PyResult<T> {
    r.map_err(|e| text_error(vm, e))
}

/// A `str` argument: `TypeError: must be str, not int` (or `{what} ...`).
fn str_param(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(format!("{what}must be str, not {tn}")))
        }
    }
}

const STR: Sig = Sig {
    name: "str",
    params: &["object", "encoding", "errors"],
    required: 0,
    positional: 3,
};

/// `str(object='')`, `str(bytes, encoding, errors)`.
fn str_new(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let bound = STR.bind(vm, args.get(1..).unwrap_or_default(), kwargs)?;
    let Some(obj) = bound[0].clone() else {
        return Ok(Value::str(""));
    };
    if bound[1].is_none() && bound[2].is_none() {
        return match obj {
            Value::Str(_) => Ok(obj),
            _ => Ok(Value::string(vm.to_str(&obj)?)),
        };
    }
    match &obj {
        Value::Bytes(b) => {
            let text = decode_bytes(vm, b, bound[1].as_ref(), bound[2].as_ref())?;
            Ok(Value::string(text))
        }
        Value::Str(_) => Err(vm.type_error("decoding str is not supported")),
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(format!(
                "decoding to str: need a bytes-like object, {tn} found"
            )))
        }
    }
}

fn format(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "format")?;
    let fields = Fields::Args {
        args: &args[1..],
        kwargs,
    };
    Ok(Value::string(format_template(vm, s.as_str(), fields)?))
}

fn format_map(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "format_map")?;
    let mapping = exactly_one(vm, "str.format_map", &args[1..], kwargs)?;
    Ok(Value::string(format_template(
        vm,
        s.as_str(),
        Fields::Mapping(mapping),
    )?))
}

fn join(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let sep = this(vm, args, "join")?;
    let iterable = exactly_one(vm, "str.join", &args[1..], kwargs)?;
    if !vm.has_iter(iterable) {
        return Err(vm.type_error("can only join an iterable"));
    }
    let items = vm.collect_iterable(iterable)?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        match item {
            Value::Str(s) => out.push_str(s.as_str()),
            other => {
                let tn = vm.type_name(other);
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {tn} found"
                )));
            }
        }
    }
    Ok(Value::string(out))
}

fn strings_list(parts: Vec<&str>) -> Value {
    Value::list(parts.into_iter().map(Value::str).collect())
}

const SPLIT: Sig = Sig {
    name: "split",
    params: &["sep", "maxsplit"],
    required: 0,
    positional: 2,
};

/// The `sep`/`maxsplit` arguments of split and rsplit.
fn split_args(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &KwArgs,
    name: &'static str,
) -> PyResult<(Option<Rc<PyStr>>, i64)> {
    let sig = Sig { name, ..SPLIT };
    let bound = sig.bind(vm, args, kwargs)?;
    let sep = match &bound[0] {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => Some(s.clone()),
        Some(other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(format!("must be str or None, not {tn}")));
        }
    };
    let maxsplit = match &bound[1] {
        Some(v) => vm.to_index(v)?,
        None => -1,
    };
    Ok((sep, maxsplit))
}

fn split(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "split")?;
    let (sep, maxsplit) = split_args(vm, &args[1..], kwargs, "split")?;
    let parts = text_result(
        vm,
        strings::split(s.as_str(), sep.as_ref().map(|p| p.as_str()), maxsplit),
    )?;
    Ok(strings_list(parts))
}

fn rsplit(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "rsplit")?;
    let (sep, maxsplit) = split_args(vm, &args[1..], kwargs, "rsplit")?;
    let parts = text_result(
        vm,
        strings::rsplit(s.as_str(), sep.as_ref().map(|p| p.as_str()), maxsplit),
    )?;
    Ok(strings_list(parts))
}

const SPLITLINES: Sig = Sig {
    name: "splitlines",
    params: &["keepends"],
    required: 0,
    positional: 1,
};

fn splitlines(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "splitlines")?;
    let bound = SPLITLINES.bind(vm, &args[1..], kwargs)?;
    let keepends = match &bound[0] {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    Ok(strings_list(strings::splitlines(s.as_str(), keepends)))
}

/// strip/lstrip/rstrip: `chars` is None or a str.
fn strip_with(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &KwArgs,
    name: &str,
    op: for<'a> fn(&'a str, Option<&str>) -> &'a str,
) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    no_kwargs(vm, name, kwargs)?;
    expect_count(vm, name, &args[1..], 0, 1)?;
    let chars = match args.get(1) {
        None | Some(Value::None) => None,
        Some(Value::Str(c)) => Some(c.clone()),
        Some(_) => return Err(vm.type_error(format!("{name} arg must be None or str"))),
    };
    let result = op(s.as_str(), chars.as_ref().map(|c| c.as_str()));
    if result.len() == s.as_str().len() {
        return Ok(args[0].clone());
    }
    Ok(Value::str(result))
}

fn strip(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    strip_with(vm, args, kwargs, "strip", strings::strip)
}

fn lstrip(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    strip_with(vm, args, kwargs, "lstrip", strings::lstrip)
}

fn rstrip(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    strip_with(vm, args, kwargs, "rstrip", strings::rstrip)
}

fn replace(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "replace")?;
    no_kwargs(vm, "replace", kwargs)?;
    expect_count(vm, "replace", &args[1..], 2, 3)?;
    let old = str_param(vm, &args[1], "replace() argument 1 ")?;
    let new = str_param(vm, &args[2], "replace() argument 2 ")?;
    let count = match args.get(3) {
        Some(v) => vm.to_index(v)?,
        None => -1,
    };
    Ok(Value::string(strings::replace(
        s.as_str(),
        old.as_str(),
        new.as_str(),
        count,
    )))
}

/// A `start`/`end` bound: None or an index (big ints clamp).
fn bound_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::BigInt(b)) => Ok(Some(if b.sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        })),
        Some(v) => match vm.to_index(v) {
            Ok(i) => Ok(Some(i)),
            Err(_) => Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        },
    }
}

/// A search: the text, the substring, and the optional start and end.
type Search = (Rc<PyStr>, Rc<PyStr>, Option<i64>, Option<i64>);

/// The `(sub, start, end)` arguments of find, index, count.
fn search_args(vm: &mut Vm, args: &[Value], kwargs: &KwArgs, name: &str) -> PyResult<Search> {
    let s = this(vm, args, name)?;
    no_kwargs(vm, name, kwargs)?;
    takes_count(vm, name, &args[1..], 1, 3)?;
    let sub = str_param(vm, &args[1], "")?;
    let start = bound_arg(vm, args.get(2))?;
    let end = bound_arg(vm, args.get(3))?;
    Ok((s, sub, start, end))
}

fn find(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(vm, args, kwargs, "find")?;
    Ok(Value::Int(strings::find(
        s.as_str(),
        sub.as_str(),
        start,
        end,
    )))
}

fn rfind(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(vm, args, kwargs, "rfind")?;
    Ok(Value::Int(strings::rfind(
        s.as_str(),
        sub.as_str(),
        start,
        end,
    )))
}

fn index(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(vm, args, kwargs, "index")?;
    let i = text_result(vm, strings::index(s.as_str(), sub.as_str(), start, end))?;
    Ok(Value::Int(i))
}

fn rindex(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(vm, args, kwargs, "rindex")?;
    let i = text_result(vm, strings::rindex(s.as_str(), sub.as_str(), start, end))?;
    Ok(Value::Int(i))
}

fn count(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(vm, args, kwargs, "count")?;
    Ok(Value::Int(
        strings::count(s.as_str(), sub.as_str(), start, end) as i64,
    ))
}

/// startswith/endswith: one str or a tuple of them.
fn affix_test(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &KwArgs,
    name: &str,
    test: fn(&str, &str, Option<i64>, Option<i64>) -> bool,
) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    no_kwargs(vm, name, kwargs)?;
    takes_count(vm, name, &args[1..], 1, 3)?;
    let start = bound_arg(vm, args.get(2))?;
    let end = bound_arg(vm, args.get(3))?;
    let candidates: Vec<Value> = match &args[1] {
        Value::Str(_) => vec![args[1].clone()],
        Value::Tuple(items) => items.to_vec(),
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(format!(
                "{name} first arg must be str or a tuple of str, not {tn}"
            )));
        }
    };
    for candidate in &candidates {
        let Value::Str(affix) = candidate else {
            let tn = vm.type_name(candidate);
            return Err(vm.type_error(format!("tuple for {name} must only contain str, not {tn}")));
        };
        if test(s.as_str(), affix.as_str(), start, end) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    affix_test(vm, args, kwargs, "startswith", strings::startswith)
}

fn endswith(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    affix_test(vm, args, kwargs, "endswith", strings::endswith)
}

/// A method without arguments mapping the text to new text.
fn transform(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &KwArgs,
    name: &str,
    op: fn(&str) -> String,
) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    let qualname = format!("str.{name}");
    no_kwargs(vm, &qualname, kwargs)?;
    takes_count(vm, &qualname, &args[1..], 0, 0)?;
    Ok(Value::string(op(s.as_str())))
}

fn upper(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    transform(vm, args, kwargs, "upper", str::to_uppercase)
}

fn lower(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    transform(vm, args, kwargs, "lower", str::to_lowercase)
}

fn title(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    transform(vm, args, kwargs, "title", str_case::title)
}

fn capitalize(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    transform(vm, args, kwargs, "capitalize", str_case::capitalize)
}

fn swapcase(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    transform(vm, args, kwargs, "swapcase", str_case::swapcase)
}

fn casefold(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    transform(vm, args, kwargs, "casefold", str_case::casefold)
}

/// A predicate method without arguments.
fn predicate(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &KwArgs,
    name: &str,
    test: fn(&str) -> bool,
) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    let qualname = format!("str.{name}");
    no_kwargs(vm, &qualname, kwargs)?;
    takes_count(vm, &qualname, &args[1..], 0, 0)?;
    Ok(Value::Bool(test(s.as_str())))
}

macro_rules! predicates {
    ($($name:ident => $test:expr),* $(,)?) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
                predicate(vm, args, kwargs, stringify!($name), $test)
            }
        )*
    };
}

predicates! {
    isdigit => str_case::isdigit,
    isdecimal => str_case::isdecimal,
    isnumeric => str_case::isnumeric,
    isalpha => str_case::isalpha,
    isalnum => str_case::isalnum,
    isspace => str_case::isspace,
    isupper => str_case::isupper,
    islower => str_case::islower,
    istitle => str_case::istitle,
    isidentifier => str_case::isidentifier,
    isprintable => str_case::isprintable,
    isascii => |s: &str| s.is_ascii(),
}

/// center/ljust/rjust: `(width, fillchar=' ')`.
fn justify(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &KwArgs,
    name: &str,
    op: fn(&str, i64, char) -> crate::text::TextResult<String>,
) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    no_kwargs(vm, name, kwargs)?;
    expect_count(vm, name, &args[1..], 1, 2)?;
    let width = vm.to_index(&args[1])?;
    let fill = match args.get(2) {
        None => ' ',
        Some(Value::Str(f)) => {
            let mut chars = f.as_str().chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(
                        vm.type_error("The fill character must be exactly one character long")
                    )
                }
            }
        }
        Some(other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(format!(
                "The fill character must be a unicode character, not {tn}"
            )));
        }
    };
    let result = text_result(vm, op(s.as_str(), width, fill))?;
    Ok(Value::string(result))
}

fn center(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    justify(vm, args, kwargs, "center", strings::center)
}

fn ljust(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    justify(vm, args, kwargs, "ljust", strings::ljust)
}

fn rjust(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    justify(vm, args, kwargs, "rjust", strings::rjust)
}

fn zfill(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "zfill")?;
    let width = exactly_one(vm, "str.zfill", &args[1..], kwargs)?;
    let width = vm.to_index(width)?;
    let result = text_result(vm, strings::zfill(s.as_str(), width))?;
    Ok(Value::string(result))
}

/// `strings::partition` and `strings::rpartition`.
type Partitioner =
    for<'a> fn(&'a str, &str) -> crate::text::TextResult<(&'a str, &'a str, &'a str)>;

fn split_in_three(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &KwArgs,
    name: &str,
    op: Partitioner,
) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    let sep = exactly_one(vm, &format!("str.{name}"), &args[1..], kwargs)?;
    let sep = str_param(vm, sep, "")?;
    let (a, b, c) = text_result(vm, op(s.as_str(), sep.as_str()))?;
    Ok(Value::tuple(vec![
        Value::str(a),
        Value::str(b),
        Value::str(c),
    ]))
}

fn partition(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    split_in_three(vm, args, kwargs, "partition", strings::partition)
}

fn rpartition(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    split_in_three(vm, args, kwargs, "rpartition", strings::rpartition)
}

const ENCODE: Sig = Sig {
    name: "encode",
    params: &["encoding", "errors"],
    required: 0,
    positional: 2,
};

fn encode(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "encode")?;
    let bound = ENCODE.bind(vm, &args[1..], kwargs)?;
    let data = encode_text(vm, s.as_str(), bound[0].as_ref(), bound[1].as_ref())?;
    Ok(Value::Bytes(data.into()))
}

const EXPANDTABS: Sig = Sig {
    name: "expandtabs",
    params: &["tabsize"],
    required: 0,
    positional: 1,
};

fn expandtabs(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "expandtabs")?;
    let bound = EXPANDTABS.bind(vm, &args[1..], kwargs)?;
    let tabsize = match &bound[0] {
        Some(v) => vm.to_index(v)?,
        None => 8,
    };
    let result = text_result(vm, strings::expandtabs(s.as_str(), tabsize))?;
    Ok(Value::string(result))
}

fn remove_affix(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &KwArgs,
    name: &str,
    prefix: bool,
) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    let affix = exactly_one(vm, &format!("str.{name}"), &args[1..], kwargs)?;
    let affix = str_param(vm, affix, &format!("{name}() argument "))?;
    let text = s.as_str();
    let stripped = if prefix {
        text.strip_prefix(affix.as_str())
    } else {
        text.strip_suffix(affix.as_str())
    };
    match stripped {
        Some(rest) if !affix.is_empty() => Ok(Value::str(rest)),
        _ => Ok(args[0].clone()),
    }
}

fn removeprefix(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    remove_affix(vm, args, kwargs, "removeprefix", true)
}

fn removesuffix(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    remove_affix(vm, args, kwargs, "removesuffix", false)
}

/// `s.translate(table)`: the table maps code points to str, int or None.
fn translate(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "translate")?;
    let table = exactly_one(vm, "str.translate", &args[1..], kwargs)?.clone();
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        let key = Value::Int(c as i64);
        let mapped = match vm.getitem(&table, &key) {
            Ok(v) => v,
            Err(crate::vm::exceptions::PyErr::Raise(e))
                if vm.is_exc_kind(&e, crate::vm::exceptions::ExcKind::LookupError) =>
            {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        match mapped {
            Value::None => {}
            Value::Str(r) => out.push_str(r.as_str()),
            Value::Int(i) => match u32::try_from(i).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None => return Err(vm.value_error("character mapping must be in range(0x110000)")),
            },
            _ => return Err(vm.type_error("character mapping must return integer, None or str")),
        }
    }
    Ok(Value::string(out))
}

/// `str.maketrans(x[, y[, z]])`.
fn maketrans(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "maketrans", kwargs)?;
    takes_count(vm, "maketrans", args, 1, 3)?;
    let table = crate::vm::objects::DictObj::new();
    match args {
        [mapping] => {
            let Value::Dict(d) = mapping else {
                return Err(
                    vm.type_error("if you give only one argument to maketrans it must be a dict")
                );
            };
            let items: Vec<(Value, Value)> = d.items();
            for (k, v) in items {
                let key = match &k {
                    Value::Str(s) if s.len() == 1 => {
                        Value::Int(s.as_str().chars().next().map_or(0, |c| c as i64))
                    }
                    Value::Int(_) => k.clone(),
                    _ => {
                        return Err(
                            vm.value_error("string keys in translate table must be of length 1")
                        )
                    }
                };
                vm.dict_set(&table, key, v)?;
            }
        }
        [x, y, rest @ ..] => {
            let x = str_param(vm, x, "maketrans() argument 1 ")?;
            let y = str_param(vm, y, "maketrans() argument 2 ")?;
            if x.len() != y.len() {
                return Err(
                    vm.value_error("the first two maketrans arguments must have equal length")
                );
            }
            for (a, b) in x.as_str().chars().zip(y.as_str().chars()) {
                vm.dict_set(&table, Value::Int(a as i64), Value::Int(b as i64))?;
            }
            if let Some(z) = rest.first() {
                let z = str_param(vm, z, "maketrans() argument 3 ")?;
                for c in z.as_str().chars() {
                    vm.dict_set(&table, Value::Int(c as i64), Value::None)?;
                }
            }
        }
        [] => {}
    }
    Ok(Value::Dict(table))
}

fn dunder_mod(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "__mod__")?;
    let Some(operand) = args.get(1) else {
        return Err(vm.type_error("expected 1 argument, got 0"));
    };
    Ok(Value::string(percent_format(vm, s.as_str(), operand)?))
}

/// `format % operand`, printf style.
fn percent_format(vm: &mut Vm, format: &str, operand: &Value) -> PyResult<String> {
    use percent::{Count, PercentArg, PercentArgs, PercentKind, PercentPiece};
    let tuple = match operand {
        Value::Tuple(t) => Some(t.clone()),
        _ => None,
    };
    let is_mapping = match operand {
        Value::Tuple(_) | Value::Str(_) => false,
        Value::Dict(_) | Value::List(_) => true,
        other => vm.type_of(other).lookup("__getitem__").is_some(),
    };
    let mut args = PercentArgs::new(tuple.as_ref().map(|t| t.len()));
    let mut keyed: Option<Value> = None;
    let mut out = String::with_capacity(format.len());
    for piece in percent::parse_percent(format) {
        let mut spec = match piece {
            PercentPiece::Literal(text) => {
                out.push_str(&text);
                continue;
            }
            PercentPiece::Invalid(err) => return Err(text_error(vm, err)),
            PercentPiece::Spec(spec) => spec,
        };
        if let Some(key) = &spec.key {
            if !is_mapping {
                return Err(vm.type_error("format requires a mapping"));
            }
            keyed = Some(vm.getitem(operand, &Value::str(key))?);
            args.switch_to_value();
        }
        let mut next_arg = |vm: &mut Vm| -> PyResult<Value> {
            match args.next().map_err(|e| text_error(vm, e))? {
                PercentArg::Item(i) => Ok(tuple.as_ref().map_or(Value::None, |t| t[i].clone())),
                PercentArg::Whole => Ok(keyed.clone().unwrap_or_else(|| operand.clone())),
            }
        };
        if spec.width == Count::FromArg {
            let w = next_arg(vm)?;
            let Some(n) = Vm::to_bigint(&w) else {
                return Err(vm.type_error("* wants int"));
            };
            text_result(vm, spec.set_width(&n))?;
        }
        if spec.precision == Count::FromArg {
            let p = next_arg(vm)?;
            let Some(n) = Vm::to_bigint(&p) else {
                return Err(vm.type_error("* wants int"));
            };
            text_result(vm, spec.set_precision(&n))?;
        }
        let kind = text_result(vm, spec.kind())?;
        let value = next_arg(vm)?;
        let rendered = match kind {
            PercentKind::Str => {
                let text = vm.to_str(&value)?;
                percent::render_text(&spec, &text)
            }
            PercentKind::Repr => {
                let text = vm.repr(&value)?;
                percent::render_text(&spec, &text)
            }
            PercentKind::Ascii => {
                let text = crate::text::ascii_escape(&vm.repr(&value)?);
                percent::render_text(&spec, &text)
            }
            PercentKind::Int => {
                let n = match &value {
                    Value::Float(f) => {
                        let i = crate::vm::builtins::methods::float::float_to_int_value(vm, *f)?;
                        Vm::to_bigint(&i).unwrap_or_default()
                    }
                    v => match Vm::to_bigint(v) {
                        Some(n) => n,
                        None => percent_number(vm, &spec, v, &["__int__", "__index__"])?,
                    },
                };
                percent::render_int(&spec, &n)
            }
            PercentKind::Index => {
                let n = match Vm::to_bigint(&value) {
                    Some(n) => n,
                    None => percent_number(vm, &spec, &value, &["__index__"])?,
                };
                percent::render_int(&spec, &n)
            }
            PercentKind::Float => {
                let x = match &value {
                    Value::Float(f) => *f,
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => vm.to_f64(&value)?,
                    other => match vm.call_dunder(other, "__float__", vec![])? {
                        Some(Value::Float(f)) => f,
                        _ => {
                            let tn = vm.type_name(other);
                            return Err(text_error(vm, spec.type_error(&tn)));
                        }
                    },
                };
                percent::render_float(&spec, x)
            }
            PercentKind::Char => {
                let c = match &value {
                    Value::Str(s) if s.len() == 1 => s.as_str().chars().next().unwrap_or(' '),
                    Value::Str(_) => return Err(vm.type_error("%c requires int or char")),
                    v => match Vm::to_bigint(v) {
                        Some(n) => text_result(vm, percent::percent_char(&n))?,
                        None => return Err(vm.type_error("%c requires int or char")),
                    },
                };
                percent::render_char(&spec, c)
            }
            PercentKind::Unsupported => Err(spec.unsupported()),
        };
        let rendered = text_result(vm, rendered)?;
        out.push_str(&rendered);
    }
    text_result(vm, args.finish(is_mapping))?;
    Ok(out)
}

/// An int from one of the given conversion dunders, or the conversion's TypeError.
fn percent_number(
    vm: &mut Vm,
    spec: &percent::PercentSpec,
    v: &Value,
    methods: &[&str],
) -> PyResult<num_bigint::BigInt> {
    for method in methods {
        if let Some(r) = vm.call_dunder(v, method, vec![])? {
            if let Some(n) = Vm::to_bigint(&r) {
                return Ok(n);
            }
        }
    }
    let tn = vm.type_name(v);
    Err(text_error(vm, spec.type_error(&tn)))
}

fn getitem(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__getitem__")?;
    let index = exactly_one(vm, "str.__getitem__", &args[1..], kwargs)?;
    vm.getitem(&args[0], index)
}

fn contains(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__contains__")?;
    let item = exactly_one(vm, "str.__contains__", &args[1..], kwargs)?;
    Ok(Value::Bool(vm.contains(&args[0], item)?))
}

fn dunder_len(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "__len__")?;
    Ok(Value::Int(s.len() as i64))
}

fn iter(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__iter__")?;
    vm.get_iter(&args[0])
}

fn dunder_str(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__str__")?;
    Ok(args[0].clone())
}
