//! Operator dunders of built-in types (`(1).__add__(2)`, `"a".__mul__(3)`):
//! thin wrappers over the operators that answer NotImplemented, as
//! CPython's slot wrappers do, when the other operand is not supported.

use crate::ast::{BinOp, CmpOp};
use crate::bytecode::UnaryKind;
use crate::value::Value;
use crate::vm::objects::{KwArgs, NativeFn, TypeObj};
use crate::vm::{PyResult, Vm};

fn operands(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(Value, Value)> {
    match args {
        [a, b] => Ok((a.clone(), b.clone())),
        _ => Err(vm.type_error(format!(
            "expected 1 argument, got {} (in {name})",
            args.len().saturating_sub(1)
        ))),
    }
}

fn binary(vm: &mut Vm, args: &[Value], op: BinOp, reflected: bool) -> PyResult<Value> {
    let (a, b) = operands(vm, args, op.symbol())?;
    // int's own methods do not know floats (float's reflected ones do).
    let int_self = matches!(a, Value::Int(_) | Value::BigInt(_) | Value::Bool(_));
    if int_self && matches!(b, Value::Float(_)) {
        return Ok(Value::NotImplemented);
    }
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    Ok(vm
        .builtin_binary(&x, &y, op)?
        .unwrap_or(Value::NotImplemented))
}

fn compare(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let (a, b) = operands(vm, args, op.symbol())?;
    let known = vm.builtin_order(&a, &b)?.is_some() || vm.container_eq(&a, &b)?.is_some();
    if !known {
        return Ok(Value::NotImplemented);
    }
    vm.compare(&a, &b, op)
}

fn unary(vm: &mut Vm, args: &[Value], kind: UnaryKind) -> PyResult<Value> {
    let a = args.first().cloned().unwrap_or(Value::None);
    vm.unary_op(&a, kind)
}

fn abs(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let a = args.first().cloned().unwrap_or(Value::None);
    let negative = vm.lt(&a, &Value::Int(0))?;
    if negative {
        vm.unary_op(&a, UnaryKind::Neg)
    } else {
        vm.unary_op(&a, UnaryKind::Pos)
    }
}

macro_rules! binary_slots {
    ($(($name:ident, $rname:ident, $dunder:literal, $op:ident)),* $(,)?) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
                binary(vm, args, BinOp::$op, false)
            }
            fn $rname(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
                binary(vm, args, BinOp::$op, true)
            }
        )*
        const BINARY: &[(&str, &str, NativeFn, NativeFn)] = &[
            $((concat!("__", $dunder, "__"), concat!("__r", $dunder, "__"), $name, $rname)),*
        ];
    };
}

binary_slots!(
    (add, radd, "add", Add),
    (sub, rsub, "sub", Sub),
    (mul, rmul, "mul", Mult),
    (truediv, rtruediv, "truediv", Div),
    (floordiv, rfloordiv, "floordiv", FloorDiv),
    (modulo, rmodulo, "mod", Mod),
    (pow, rpow, "pow", Pow),
    (lshift, rlshift, "lshift", LShift),
    (rshift, rrshift, "rshift", RShift),
    (and, rand, "and", BitAnd),
    (or, ror, "or", BitOr),
    (xor, rxor, "xor", BitXor),
);

macro_rules! compare_slots {
    ($(($name:ident, $op:ident)),* $(,)?) => {
        $(fn $name(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
            compare(vm, args, CmpOp::$op)
        })*
        const COMPARE: &[(&str, NativeFn)] = &[$((concat!("__", stringify!($name), "__"), $name)),*];
    };
}

compare_slots!(
    (eq, Eq),
    (ne, NotEq),
    (lt, Lt),
    (le, LtE),
    (gt, Gt),
    (ge, GtE)
);

fn neg(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    unary(vm, args, UnaryKind::Neg)
}

fn pos(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    unary(vm, args, UnaryKind::Pos)
}

fn invert(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    unary(vm, args, UnaryKind::Invert)
}

/// Adds the slot wrappers a type does not define itself.
fn add_missing(vm: &mut Vm, class: &std::rc::Rc<TypeObj>, name: &'static str, f: NativeFn) {
    if !class.dict.borrow().contains_key(name) {
        vm.add_method(class, name, f);
    }
}

pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    let numbers = [t.int.clone(), t.float.clone()];
    let sequences = [
        t.str.clone(),
        t.list.clone(),
        t.tuple.clone(),
        t.bytes.clone(),
    ];
    let sets = [t.set.clone(), t.frozenset.clone()];
    let all: Vec<_> = numbers
        .iter()
        .chain(&sequences)
        .chain(&sets)
        .cloned()
        .collect();
    for class in &numbers {
        for (name, rname, f, rf) in BINARY {
            add_missing(vm, class, name, *f);
            add_missing(vm, class, rname, *rf);
        }
        add_missing(vm, class, "__neg__", neg);
        add_missing(vm, class, "__pos__", pos);
        add_missing(vm, class, "__abs__", abs);
    }
    add_missing(vm, &numbers[0], "__invert__", invert);
    for class in &sequences {
        for (name, rname, f, rf) in &BINARY[..3] {
            add_missing(vm, class, name, *f);
            if *name == "__mul__" {
                add_missing(vm, class, rname, *rf);
            }
        }
    }
    add_missing(vm, &sequences[0], "__mod__", modulo);
    for class in &sets {
        for (name, rname, f, rf) in BINARY
            .iter()
            .filter(|(n, ..)| matches!(*n, "__sub__" | "__and__" | "__or__" | "__xor__"))
        {
            add_missing(vm, class, name, *f);
            add_missing(vm, class, rname, *rf);
        }
    }
    for class in &all {
        for (name, f) in COMPARE {
            add_missing(vm, class, name, *f);
        }
    }
}
