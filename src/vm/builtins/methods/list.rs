//! `list` methods, and the stable sort `sorted()` shares.

use std::cell::RefCell;
use std::rc::Rc;

use crate::value::Value;
use crate::vm::builtins::args::{
    allow_kwargs, exactly_one, expect_count, kwarg, no_kwargs, self_arg, takes_count,
};
use crate::vm::builtins::methods::add_new;
use crate::vm::exceptions::ExcKind;
use crate::vm::objects::KwArgs;
use crate::vm::{PyResult, Vm};

type ListRef = Rc<RefCell<Vec<Value>>>;

pub fn install(vm: &mut Vm) {
    let list = vm.types.list.clone();
    add_new(&list, list_new);
    vm.add_method(&list, "__init__", list_init);
    vm.add_method(&list, "append", append);
    vm.add_method(&list, "extend", extend);
    vm.add_method(&list, "insert", insert);
    vm.add_method(&list, "pop", pop);
    vm.add_method(&list, "remove", remove);
    vm.add_method(&list, "index", index);
    vm.add_method(&list, "count", count);
    vm.add_method(&list, "sort", sort);
    vm.add_method(&list, "reverse", reverse);
    vm.add_method(&list, "copy", copy);
    vm.add_method(&list, "clear", clear);
    vm.add_method(&list, "__len__", dunder_len);
    vm.add_method(&list, "__getitem__", getitem);
    vm.add_method(&list, "__setitem__", setitem);
    vm.add_method(&list, "__delitem__", delitem);
    vm.add_method(&list, "__contains__", contains);
    vm.add_method(&list, "__iter__", iter);
}

fn this(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<ListRef> {
    self_arg(vm, args, "list", method, |v| match v {
        Value::List(l) => Some(l.clone()),
        _ => None,
    })
}

/// `list(iterable=())`.
fn list_new(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "list", kwargs)?;
    let rest = args.get(1..).unwrap_or_default();
    expect_count(vm, "list", rest, 0, 1)?;
    match rest.first() {
        Some(iterable) => Ok(Value::list(vm.collect_iterable(iterable)?)),
        None => Ok(Value::list(Vec::new())),
    }
}

/// `list.__init__` is a no-op here: `list.__new__` already filled the list.
fn list_init(_vm: &mut Vm, _args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    Ok(Value::None)
}

fn append(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let list = this(vm, args, "append")?;
    let item = exactly_one(vm, "list.append", &args[1..], kwargs)?;
    list.borrow_mut().push(item.clone());
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let list = this(vm, args, "extend")?;
    let iterable = exactly_one(vm, "list.extend", &args[1..], kwargs)?;
    let items = vm.collect_iterable(iterable)?;
    list.borrow_mut().extend(items);
    Ok(Value::None)
}

/// Clamps a Python index to `0..=len`, as insert and index's bounds do.
fn clamp_index(i: i64, len: usize) -> usize {
    let len = len as i64;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    i as usize
}

fn insert(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let list = this(vm, args, "insert")?;
    no_kwargs(vm, "insert", kwargs)?;
    expect_count(vm, "insert", &args[1..], 2, 2)?;
    let i = vm.to_index(&args[1])?;
    let len = list.borrow().len();
    list.borrow_mut()
        .insert(clamp_index(i, len), args[2].clone());
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let list = this(vm, args, "pop")?;
    no_kwargs(vm, "pop", kwargs)?;
    expect_count(vm, "pop", &args[1..], 0, 1)?;
    let i = match args.get(1) {
        Some(v) => vm.to_index(v)?,
        None => -1,
    };
    let len = list.borrow().len();
    if len == 0 {
        return Err(vm.new_error(ExcKind::IndexError, "pop from empty list"));
    }
    let n = if i < 0 { i + len as i64 } else { i };
    if n < 0 || n >= len as i64 {
        return Err(vm.new_error(ExcKind::IndexError, "pop index out of range"));
    }
    let item = list.borrow_mut().remove(n as usize);
    Ok(item)
}

/// The position of the first item equal to `x` in `start..stop`, reading
/// the list afresh at each step (comparisons may run Python code).
fn find(
    vm: &mut Vm,
    list: &ListRef,
    x: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let Some(item) = list.borrow().get(i).cloned() else {
            break;
        };
        if item.is(x) || vm.eq(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn remove(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let list = this(vm, args, "remove")?;
    let x = exactly_one(vm, "list.remove", &args[1..], kwargs)?;
    match find(vm, &list, x, 0, usize::MAX)? {
        Some(i) => {
            let mut items = list.borrow_mut();
            if i < items.len() {
                items.remove(i);
            }
            Ok(Value::None)
        }
        None => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

/// The `start`/`stop` arguments of `index` resolved against `len`.
pub fn index_bounds(vm: &mut Vm, bounds: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let start = match bounds.first() {
        Some(v) => clamp_index(vm.to_index(v)?, len),
        None => 0,
    };
    let stop = match bounds.get(1) {
        Some(v) => clamp_index(vm.to_index(v)?, len),
        None => len,
    };
    Ok((start, stop))
}

fn index(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let list = this(vm, args, "index")?;
    no_kwargs(vm, "index", kwargs)?;
    expect_count(vm, "index", &args[1..], 1, 3)?;
    let len = list.borrow().len();
    let (start, stop) = index_bounds(vm, &args[2..], len)?;
    match find(vm, &list, &args[1], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = vm.repr(&args[1])?;
            Err(vm.value_error(format!("{r} is not in list")))
        }
    }
}

fn count(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let list = this(vm, args, "count")?;
    let x = exactly_one(vm, "list.count", &args[1..], kwargs)?;
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = list.borrow().get(i).cloned() {
        if item.is(x) || vm.eq(&item, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

/// `list.sort(*, key=None, reverse=False)`. The list reads as empty while
/// it is sorted, as in CPython, and changes made meanwhile are an error.
fn sort(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let list = this(vm, args, "sort")?;
    if args.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    allow_kwargs(vm, "sort", kwargs, &["key", "reverse"])?;
    let key = kwarg(kwargs, "key").filter(|k| !k.is_none());
    let reverse = match kwarg(kwargs, "reverse") {
        Some(r) => vm.is_true(&r)?,
        None => false,
    };
    let items = std::mem::take(&mut *list.borrow_mut());
    let result = sort_values(vm, items.clone(), key.as_ref(), reverse);
    let modified = !list.borrow().is_empty();
    match result {
        Ok(sorted) => {
            *list.borrow_mut() = sorted;
            if modified {
                return Err(vm.value_error("list modified during sort"));
            }
            Ok(Value::None)
        }
        Err(e) => {
            *list.borrow_mut() = items;
            Err(e)
        }
    }
}

/// Sorts stably with `<` only (as CPython does), optionally by key and in
/// reverse. A failing comparison ends the sort with its error.
pub fn sort_values(
    vm: &mut Vm,
    items: Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let mut keyed: Vec<(Value, Value)> = Vec::with_capacity(items.len());
    for item in items {
        let k = match key {
            Some(f) => vm.call1(f, item.clone())?,
            None => item.clone(),
        };
        keyed.push((k, item));
    }
    // Reversing before and after a stable sort keeps equal items in their
    // original order, which is what `reverse=True` promises.
    if reverse {
        keyed.reverse();
    }
    let mut scratch = keyed.clone();
    merge_sort(vm, &mut keyed, &mut scratch)?;
    if reverse {
        keyed.reverse();
    }
    Ok(keyed.into_iter().map(|(_, v)| v).collect())
}

/// A stable merge sort with a fallible comparison (Rust's own sorts may
/// panic on the inconsistent orders a user's `__lt__` can produce).
fn merge_sort(
    vm: &mut Vm,
    items: &mut [(Value, Value)],
    scratch: &mut [(Value, Value)],
) -> PyResult<()> {
    let n = items.len();
    if n <= 8 {
        for i in 1..n {
            let mut j = i;
            while j > 0 && vm.lt(&items[j].0, &items[j - 1].0)? {
                items.swap(j, j - 1);
                j -= 1;
            }
        }
        return Ok(());
    }
    let mid = n / 2;
    {
        let (left, right) = items.split_at_mut(mid);
        let (sl, sr) = scratch.split_at_mut(mid);
        merge_sort(vm, left, sl)?;
        merge_sort(vm, right, sr)?;
    }
    if !vm.lt(&items[mid].0, &items[mid - 1].0)? {
        return Ok(());
    }
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < mid && j < n {
        if vm.lt(&items[j].0, &items[i].0)? {
            scratch[k] = items[j].clone();
            j += 1;
        } else {
            scratch[k] = items[i].clone();
            i += 1;
        }
        k += 1;
    }
    while i < mid {
        scratch[k] = items[i].clone();
        i += 1;
        k += 1;
    }
    while j < n {
        scratch[k] = items[j].clone();
        j += 1;
        k += 1;
    }
    items.clone_from_slice(&scratch[..n]);
    Ok(())
}

fn reverse(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let list = this(vm, args, "reverse")?;
    no_kwargs(vm, "list.reverse", kwargs)?;
    takes_count(vm, "list.reverse", &args[1..], 0, 0)?;
    list.borrow_mut().reverse();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let list = this(vm, args, "copy")?;
    no_kwargs(vm, "list.copy", kwargs)?;
    takes_count(vm, "list.copy", &args[1..], 0, 0)?;
    let items = list.borrow().clone();
    Ok(Value::list(items))
}

fn clear(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let list = this(vm, args, "clear")?;
    no_kwargs(vm, "list.clear", kwargs)?;
    takes_count(vm, "list.clear", &args[1..], 0, 0)?;
    // Dropping the items may run finalisers; do it outside the borrow.
    let old = std::mem::take(&mut *list.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn dunder_len(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let list = this(vm, args, "__len__")?;
    let n = list.borrow().len();
    Ok(Value::Int(n as i64))
}

fn getitem(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__getitem__")?;
    let index = exactly_one(vm, "list.__getitem__", &args[1..], kwargs)?;
    vm.getitem(&args[0], index)
}

fn setitem(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__setitem__")?;
    no_kwargs(vm, "__setitem__", kwargs)?;
    expect_count(vm, "__setitem__", &args[1..], 2, 2)?;
    vm.setitem(&args[0], args[1].clone(), args[2].clone())?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__delitem__")?;
    let index = exactly_one(vm, "list.__delitem__", &args[1..], kwargs)?;
    vm.delitem(&args[0], index)?;
    Ok(Value::None)
}

fn contains(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__contains__")?;
    let item = exactly_one(vm, "list.__contains__", &args[1..], kwargs)?;
    Ok(Value::Bool(vm.contains(&args[0], item)?))
}

fn iter(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__iter__")?;
    vm.get_iter(&args[0])
}
