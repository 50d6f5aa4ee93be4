//! `_heapq`: the heap primitives of `heapq` in Rust, as CPython keeps them
//! in C. The event loop's timer heap pushes and pops through them, and so
//! do programs. The sift algorithms are CPython's (only `<` is used, in
//! the same order), so equal items come out in CPython's order.

use std::cell::RefCell;
use std::rc::Rc;

use crate::value::Value;
use crate::vm::exceptions::ExcKind;
use crate::vm::objects::{DictObj, KwArgs, NativeFn};
use crate::vm::{PyResult, Vm};

type List = Rc<RefCell<Vec<Value>>>;

/// Which way the heap is ordered: `heapq`'s min-heaps, or the max-heaps
/// `nlargest` and `merge(reverse=True)` use.
#[derive(Clone, Copy)]
enum Order {
    Min,
    Max,
}

fn list_arg(vm: &mut Vm, args: &[Value], function: &str) -> PyResult<List> {
    match args.first() {
        Some(Value::List(list)) => Ok(list.clone()),
        Some(other) => {
            let name = vm.type_name(other);
            // CPython numbers the argument only for the two-argument functions.
            let single = matches!(
                function,
                "heappop" | "heapify" | "_heappop_max" | "_heapify_max"
            );
            let which = if single { "argument" } else { "argument 1" };
            Err(vm.type_error(format!("{function}() {which} must be list, not {name}")))
        }
        None => Err(vm.type_error(format!("{function}() missing required argument 'heap'"))),
    }
}

fn item_arg(vm: &mut Vm, args: &[Value], function: &str) -> PyResult<Value> {
    match args.get(1) {
        Some(item) => Ok(item.clone()),
        None => Err(vm.type_error(format!("{function} expected 2 arguments, got 1"))),
    }
}

fn get(vm: &mut Vm, heap: &List, index: usize) -> PyResult<Value> {
    match heap.borrow().get(index) {
        Some(v) => Ok(v.clone()),
        None => Err(changed_size(vm)),
    }
}

fn changed_size(vm: &mut Vm) -> crate::vm::exceptions::PyErr {
    vm.new_error(ExcKind::RuntimeError, "list changed size during iteration")
}

/// Whether `a` comes before `b` in the heap (a `<` that may run Python).
fn before(vm: &mut Vm, order: Order, a: &Value, b: &Value) -> PyResult<bool> {
    match order {
        Order::Min => vm.lt(a, b),
        Order::Max => vm.lt(b, a),
    }
}

/// Moves the item at `pos` up towards `start` while it comes before its parent.
fn sift_down(vm: &mut Vm, heap: &List, order: Order, start: usize, mut pos: usize) -> PyResult<()> {
    let size = heap.borrow().len();
    let item = get(vm, heap, pos)?;
    while pos > start {
        let parent_pos = (pos - 1) >> 1;
        let parent = get(vm, heap, parent_pos)?;
        let moves = before(vm, order, &item, &parent)?;
        if heap.borrow().len() != size {
            return Err(changed_size(vm));
        }
        if !moves {
            break;
        }
        heap.borrow_mut()[pos] = parent;
        pos = parent_pos;
    }
    heap.borrow_mut()[pos] = item;
    Ok(())
}

/// Fills the hole at `pos` by moving the preferred child up to a leaf, then
/// sifts the displaced item back down (CPython's bottom-up `_siftup`).
fn sift_up(vm: &mut Vm, heap: &List, order: Order, mut pos: usize) -> PyResult<()> {
    let end = heap.borrow().len();
    let start = pos;
    let item = get(vm, heap, pos)?;
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end {
            let (left_item, right_item) = (get(vm, heap, child)?, get(vm, heap, right)?);
            if !before(vm, order, &left_item, &right_item)? {
                child = right;
            }
            if heap.borrow().len() != end {
                return Err(changed_size(vm));
            }
        }
        let moved = get(vm, heap, child)?;
        heap.borrow_mut()[pos] = moved;
        pos = child;
        child = 2 * pos + 1;
    }
    heap.borrow_mut()[pos] = item;
    sift_down(vm, heap, order, start, pos)
}

fn heappush(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let heap = list_arg(vm, args, "heappush")?;
    let item = item_arg(vm, args, "heappush")?;
    let last = {
        let mut items = heap.borrow_mut();
        items.push(item);
        items.len() - 1
    };
    sift_down(vm, &heap, Order::Min, 0, last)?;
    Ok(Value::None)
}

/// Restores the min-heap invariant of a whole list.
fn heapify_min(vm: &mut Vm, heap: &List) -> PyResult<()> {
    let n = heap.borrow().len();
    for pos in (0..n / 2).rev() {
        sift_up(vm, heap, Order::Min, pos)?;
    }
    Ok(())
}

fn pop_from(vm: &mut Vm, heap: &List, order: Order) -> PyResult<Option<Value>> {
    let Some(last) = heap.borrow_mut().pop() else {
        return Ok(None);
    };
    if heap.borrow().is_empty() {
        return Ok(Some(last));
    }
    let first = std::mem::replace(&mut heap.borrow_mut()[0], last);
    sift_up(vm, heap, order, 0)?;
    Ok(Some(first))
}

fn pop(vm: &mut Vm, args: &[Value], function: &str, order: Order) -> PyResult<Value> {
    let heap = list_arg(vm, args, function)?;
    match pop_from(vm, &heap, order)? {
        Some(item) => Ok(item),
        None => Err(vm.new_error(ExcKind::IndexError, "index out of range")),
    }
}

fn heappop(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    pop(vm, args, "heappop", Order::Min)
}

fn heappop_max(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    pop(vm, args, "_heappop_max", Order::Max)
}

fn replace(vm: &mut Vm, args: &[Value], function: &str, order: Order) -> PyResult<Value> {
    let heap = list_arg(vm, args, function)?;
    let item = item_arg(vm, args, function)?;
    replace_top(vm, &heap, item, order)
}

/// Puts `item` in place of the first item, which it returns, and sifts.
fn replace_top(vm: &mut Vm, heap: &List, item: Value, order: Order) -> PyResult<Value> {
    let Some(top) = heap
        .borrow_mut()
        .first_mut()
        .map(|slot| std::mem::replace(slot, item))
    else {
        return Err(vm.new_error(ExcKind::IndexError, "index out of range"));
    };
    sift_up(vm, heap, order, 0)?;
    Ok(top)
}

fn heapreplace(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    replace(vm, args, "heapreplace", Order::Min)
}

fn heapreplace_max(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    replace(vm, args, "_heapreplace_max", Order::Max)
}

fn heappushpop(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let heap = list_arg(vm, args, "heappushpop")?;
    let item = item_arg(vm, args, "heappushpop")?;
    let Some(top) = heap.borrow().first().cloned() else {
        return Ok(item);
    };
    if !vm.lt(&top, &item)? {
        return Ok(item);
    }
    replace_top(vm, &heap, item, Order::Min)
}

fn heapify(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let heap = list_arg(vm, args, "heapify")?;
    heapify_min(vm, &heap)?;
    Ok(Value::None)
}

fn heapify_max(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let heap = list_arg(vm, args, "_heapify_max")?;
    let n = heap.borrow().len();
    for pos in (0..n / 2).rev() {
        sift_up(vm, &heap, Order::Max, pos)?;
    }
    Ok(Value::None)
}

pub fn init(_vm: &mut Vm, ns: &Rc<DictObj>) -> PyResult<()> {
    let functions: [(&'static str, NativeFn); 8] = [
        ("heappush", heappush),
        ("heappop", heappop),
        ("heapreplace", heapreplace),
        ("heappushpop", heappushpop),
        ("heapify", heapify),
        ("_heappop_max", heappop_max),
        ("_heapreplace_max", heapreplace_max),
        ("_heapify_max", heapify_max),
    ];
    crate::modules::add_functions(ns, &functions);
    Ok(())
}
