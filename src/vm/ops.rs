//! Operators: arithmetic with int/float fast paths and big-int promotion,
//! comparisons, and the dunder fallbacks (with reflected operands).

use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::ast::{BinOp, CmpOp};
use crate::bytecode::UnaryKind;
use crate::value::Value;
use crate::vm::exceptions::ExcKind;
use crate::vm::{PyResult, Vm};

fn dunder(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mult => ("__mul__", "__rmul__", "__imul__"),
        BinOp::MatMult => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
    }
}

fn as_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

impl Vm {
    pub fn binary_op(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
        // Fast paths: small ints and floats.
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            if let Some(v) = self.small_int_op(*x, *y, op)? {
                return Ok(v);
            }
        }
        if let Some(v) = self.builtin_binary(a, b, op)? {
            return Ok(v);
        }
        self.dunder_binary(a, b, op, None)
    }

    pub fn inplace_op(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
        match (a, op) {
            (Value::List(l), BinOp::Add) => {
                let items = self.collect_iterable(b)?;
                l.borrow_mut().extend(items);
                return Ok(a.clone());
            }
            (Value::List(l), BinOp::Mult) => {
                let n = self.to_index(b)?;
                let items = l.borrow().clone();
                let mut out = Vec::new();
                for _ in 0..n.max(0) {
                    out.extend(items.iter().cloned());
                }
                *l.borrow_mut() = out;
                return Ok(a.clone());
            }
            (Value::Set(_), BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor) => {
                if let Value::Set(s) = a {
                    let result = self.binary_op(a, b, op)?;
                    if let Value::Set(r) = result {
                        let items = r.items.borrow().copy();
                        *s.items.borrow_mut() = items;
                    }
                    return Ok(a.clone());
                }
            }
            (Value::Dict(d), BinOp::BitOr) => {
                let d = d.clone();
                self.dict_merge(&d, b, None)?;
                return Ok(a.clone());
            }
            (Value::Instance(_), _) => {
                let (_, _, iname) = dunder(op);
                if let Some(r) = self.call_dunder(a, iname, vec![b.clone()])? {
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
            }
            _ => {}
        }
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            if let Some(v) = self.small_int_op(*x, *y, op)? {
                return Ok(v);
            }
        }
        if let Some(v) = self.builtin_binary(a, b, op)? {
            return Ok(v);
        }
        self.dunder_binary(a, b, op, Some(op))
    }

    fn small_int_op(&mut self, x: i64, y: i64, op: BinOp) -> PyResult<Option<Value>> {
        Ok(match op {
            BinOp::Add => x.checked_add(y).map(Value::Int),
            BinOp::Sub => x.checked_sub(y).map(Value::Int),
            BinOp::Mult => x.checked_mul(y).map(Value::Int),
            BinOp::FloorDiv => {
                if y == 0 {
                    return Err(self.new_error(
                        ExcKind::ZeroDivisionError,
                        "integer division or modulo by zero",
                    ));
                }
                x.checked_div_euclid(y)
                    .map(|_| Value::Int(Integer::div_floor(&x, &y)))
            }
            BinOp::Mod => {
                if y == 0 {
                    return Err(
                        self.new_error(ExcKind::ZeroDivisionError, "integer modulo by zero")
                    );
                }
                x.checked_rem(y)
                    .map(|_| Value::Int(Integer::mod_floor(&x, &y)))
            }
            BinOp::Div => {
                if y == 0 {
                    return Err(self.new_error(ExcKind::ZeroDivisionError, "division by zero"));
                }
                if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                    Some(Value::Float(x as f64 / y as f64))
                } else {
                    None
                }
            }
            BinOp::BitAnd => Some(Value::Int(x & y)),
            BinOp::BitOr => Some(Value::Int(x | y)),
            BinOp::BitXor => Some(Value::Int(x ^ y)),
            BinOp::Pow if y >= 0 => u32::try_from(y)
                .ok()
                .and_then(|e| x.checked_pow(e))
                .map(Value::Int),
            BinOp::LShift if (0..63).contains(&y) => x.checked_mul(1i64 << y).map(Value::Int),
            BinOp::RShift if y >= 0 => Some(Value::Int(x >> y.min(63))),
            _ => None,
        })
    }

    /// Built-in operand types; `None` when the operation is not built in.
    pub(crate) fn builtin_binary(
        &mut self,
        a: &Value,
        b: &Value,
        op: BinOp,
    ) -> PyResult<Option<Value>> {
        if is_int(a) && is_int(b) {
            return self.bigint_op(
                as_big(a).unwrap_or_default(),
                as_big(b).unwrap_or_default(),
                op,
            );
        }
        let af = match a {
            Value::Float(f) => Some(*f),
            _ if is_int(a) => None,
            _ => return self.builtin_sequence_op(a, b, op),
        };
        let bf = match b {
            Value::Float(f) => Some(*f),
            _ if is_int(b) => None,
            _ if af.is_none() => return self.builtin_sequence_op(a, b, op),
            _ => return Ok(None),
        };
        // At least one float: mixed arithmetic in floats.
        let x = match af {
            Some(f) => f,
            None => self.to_f64(a)?,
        };
        let y = match bf {
            Some(f) => f,
            None => self.to_f64(b)?,
        };
        self.float_op(x, y, op)
    }

    fn float_op(&mut self, x: f64, y: f64, op: BinOp) -> PyResult<Option<Value>> {
        Ok(Some(Value::Float(match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mult => x * y,
            BinOp::Div => {
                if y == 0.0 {
                    return Err(
                        self.new_error(ExcKind::ZeroDivisionError, "float division by zero")
                    );
                }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return Err(
                        self.new_error(ExcKind::ZeroDivisionError, "float floor division by zero")
                    );
                }
                crate::text::numbers::py_floordiv(x, y)
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return Err(self.new_error(ExcKind::ZeroDivisionError, "float modulo"));
                }
                crate::text::numbers::py_fmod(x, y)
            }
            BinOp::Pow => {
                if x == 0.0 && y < 0.0 {
                    return Err(self.new_error(
                        ExcKind::ZeroDivisionError,
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                if x < 0.0 && y.fract() != 0.0 {
                    return Err(self.value_error(
                        "kairos does not support complex numbers (negative number raised to a fractional power)",
                    ));
                }
                let r = x.powf(y);
                if r.is_infinite() && x.is_finite() && y.is_finite() {
                    return Err(self.new_error(
                        ExcKind::OverflowError,
                        "(34, 'Numerical result out of range')",
                    ));
                }
                r
            }
            _ => return Ok(None),
        })))
    }

    fn bigint_op(&mut self, x: BigInt, y: BigInt, op: BinOp) -> PyResult<Option<Value>> {
        Ok(Some(match op {
            BinOp::Add => Value::from_bigint(x + y),
            BinOp::Sub => Value::from_bigint(x - y),
            BinOp::Mult => Value::from_bigint(x * y),
            BinOp::FloorDiv | BinOp::Mod => {
                if y.is_zero() {
                    let msg = if op == BinOp::Mod {
                        "integer modulo by zero"
                    } else {
                        "integer division or modulo by zero"
                    };
                    return Err(self.new_error(ExcKind::ZeroDivisionError, msg));
                }
                if op == BinOp::FloorDiv {
                    Value::from_bigint(x.div_floor(&y))
                } else {
                    Value::from_bigint(x.mod_floor(&y))
                }
            }
            BinOp::Div => {
                if y.is_zero() {
                    return Err(self.new_error(ExcKind::ZeroDivisionError, "division by zero"));
                }
                match crate::text::numbers::int_true_div(&x, &y) {
                    Ok(f) => Value::Float(f),
                    Err(e) => return Err(self.text_error(e)),
                }
            }
            BinOp::Pow => {
                if y.is_negative() {
                    let xf = self.to_f64(&Value::from_bigint(x))?;
                    let yf = self.to_f64(&Value::from_bigint(y))?;
                    return self.float_op(xf, yf, BinOp::Pow);
                }
                let Some(e) = y.to_u32() else {
                    return Err(self.new_error(ExcKind::OverflowError, "exponent too large"));
                };
                Value::from_bigint(num_traits::pow(x, e as usize))
            }
            BinOp::LShift | BinOp::RShift => {
                if y.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                let Some(n) = y.to_usize() else {
                    return Err(
                        self.new_error(ExcKind::OverflowError, "too many digits in integer")
                    );
                };
                if op == BinOp::LShift {
                    Value::from_bigint(x << n)
                } else {
                    Value::from_bigint(x >> n)
                }
            }
            BinOp::BitAnd => Value::from_bigint(x & y),
            BinOp::BitOr => Value::from_bigint(x | y),
            BinOp::BitXor => Value::from_bigint(x ^ y),
            BinOp::MatMult => return Ok(None),
        }))
    }

    /// str/list/tuple concatenation and repetition, set algebra, dict union.
    fn builtin_sequence_op(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
        Ok(Some(match (a, b, op) {
            (Value::Str(x), Value::Str(y), BinOp::Add) => {
                let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Value::string(s)
            }
            (Value::List(x), Value::List(y), BinOp::Add) => {
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                Value::list(v)
            }
            (Value::Tuple(x), Value::Tuple(y), BinOp::Add) => {
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                Value::tuple(v)
            }
            (Value::Bytes(x), Value::Bytes(y), BinOp::Add) => {
                let mut v = x.to_vec();
                v.extend_from_slice(y);
                Value::Bytes(v.into())
            }
            (
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_),
                n,
                BinOp::Mult,
            ) if is_int(n) => self.repeat(a, n)?,
            (
                n,
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_),
                BinOp::Mult,
            ) if is_int(n) => self.repeat(b, n)?,
            (Value::Set(x) | Value::FrozenSet(x), Value::Set(y) | Value::FrozenSet(y), _) => {
                let (x, y) = (x.items.borrow(), y.items.borrow());
                let items = match op {
                    BinOp::BitOr => x.union(&y),
                    BinOp::BitAnd => x.intersection(&y),
                    BinOp::Sub => x.difference(&y),
                    BinOp::BitXor => x.symmetric_difference(&y),
                    _ => return Ok(None),
                };
                let set = Rc::new(crate::vm::objects::SetObj {
                    items: std::cell::RefCell::new(items),
                });
                if matches!(a, Value::FrozenSet(_)) {
                    Value::FrozenSet(set)
                } else {
                    Value::Set(set)
                }
            }
            (Value::Dict(x), Value::Dict(_), BinOp::BitOr) => {
                let d = crate::vm::objects::DictObj::new();
                *d.map.borrow_mut() = x.map.borrow().clone();
                self.dict_merge(&d, b, None)?;
                Value::Dict(d)
            }
            _ => return Ok(None),
        }))
    }

    fn repeat(&mut self, seq: &Value, n: &Value) -> PyResult<Value> {
        let n = self.to_index(n)?.max(0) as usize;
        Ok(match seq {
            Value::Str(s) => Value::string(s.as_str().repeat(n)),
            Value::Bytes(b) => Value::Bytes(b.repeat(n).into()),
            Value::List(l) => {
                let items = l.borrow();
                let mut out = Vec::with_capacity(items.len() * n);
                for _ in 0..n {
                    out.extend(items.iter().cloned());
                }
                Value::list(out)
            }
            Value::Tuple(t) => {
                let mut out = Vec::with_capacity(t.len() * n);
                for _ in 0..n {
                    out.extend(t.iter().cloned());
                }
                Value::tuple(out)
            }
            other => other.clone(),
        })
    }

    /// `a.__op__(b)`, then `b.__rop__(a)`, then CPython's TypeError.
    fn dunder_binary(
        &mut self,
        a: &Value,
        b: &Value,
        op: BinOp,
        inplace: Option<BinOp>,
    ) -> PyResult<Value> {
        let (name, rname, _) = dunder(op);
        let a_type = self.type_of(a);
        let b_type = self.type_of(b);
        let b_first = !Rc::ptr_eq(&a_type, &b_type)
            && b_type.is_subtype(&a_type)
            && b_type.lookup(rname).is_some();
        if b_first {
            if let Some(r) = self.call_dunder(b, rname, vec![a.clone()])? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if let Some(r) = self.call_dunder(a, name, vec![b.clone()])? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if !b_first && !Rc::ptr_eq(&a_type, &b_type) {
            if let Some(r) = self.call_dunder(b, rname, vec![a.clone()])? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        let symbol = match inplace {
            Some(op) => format!("{}=", op.symbol()),
            None => op.symbol().to_owned(),
        };
        let (an, bn) = (self.type_name(a), self.type_name(b));
        if op == BinOp::Add && matches!(a, Value::Str(_)) {
            return Err(self.type_error(format!("can only concatenate str (not \"{bn}\") to str")));
        }
        if op == BinOp::Add && matches!(a, Value::List(_)) {
            return Err(
                self.type_error(format!("can only concatenate list (not \"{bn}\") to list"))
            );
        }
        if op == BinOp::Add && matches!(a, Value::Tuple(_)) {
            return Err(self.type_error(format!(
                "can only concatenate tuple (not \"{bn}\") to tuple"
            )));
        }
        if op == BinOp::Mult
            && matches!(a, Value::Str(_) | Value::List(_) | Value::Tuple(_))
            && !is_int(b)
        {
            return Err(
                self.type_error(format!("can't multiply sequence by non-int of type '{bn}'"))
            );
        }
        if op == BinOp::Mult
            && matches!(b, Value::Str(_) | Value::List(_) | Value::Tuple(_))
            && !is_int(a)
        {
            return Err(
                self.type_error(format!("can't multiply sequence by non-int of type '{an}'"))
            );
        }
        if op == BinOp::Pow {
            return Err(self.type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{an}' and '{bn}'"
            )));
        }
        Err(self.type_error(format!(
            "unsupported operand type(s) for {symbol}: '{an}' and '{bn}'"
        )))
    }

    pub fn unary_op(&mut self, a: &Value, kind: UnaryKind) -> PyResult<Value> {
        match (a, kind) {
            (Value::Int(i), UnaryKind::Neg) => Ok(i
                .checked_neg()
                .map(Value::Int)
                .unwrap_or_else(|| Value::from_bigint(-BigInt::from(*i)))),
            (Value::Bool(b), UnaryKind::Neg) => Ok(Value::Int(-(*b as i64))),
            (Value::BigInt(b), UnaryKind::Neg) => Ok(Value::from_bigint(-(**b).clone())),
            (Value::Float(f), UnaryKind::Neg) => Ok(Value::Float(-f)),
            (Value::Int(_) | Value::BigInt(_) | Value::Float(_), UnaryKind::Pos) => Ok(a.clone()),
            (Value::Bool(b), UnaryKind::Pos) => Ok(Value::Int(*b as i64)),
            (Value::Int(i), UnaryKind::Invert) => Ok(Value::Int(!i)),
            (Value::Bool(b), UnaryKind::Invert) => Ok(Value::Int(!(*b as i64))),
            (Value::BigInt(b), UnaryKind::Invert) => Ok(Value::from_bigint(-(**b).clone() - 1)),
            (_, UnaryKind::Not) => Ok(Value::Bool(!self.is_true(a)?)),
            _ => {
                let (name, symbol) = match kind {
                    UnaryKind::Neg => ("__neg__", "-"),
                    UnaryKind::Pos => ("__pos__", "+"),
                    UnaryKind::Invert => ("__invert__", "~"),
                    UnaryKind::Not => ("__bool__", "not"),
                };
                match self.call_dunder(a, name, vec![])? {
                    Some(v) => Ok(v),
                    None => Err(self.type_error(format!(
                        "bad operand type for unary {symbol}: '{}'",
                        self.type_name(a)
                    ))),
                }
            }
        }
    }

    pub fn compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        Ok(Value::Bool(match op {
            CmpOp::Is => a.is(b),
            CmpOp::IsNot => !a.is(b),
            CmpOp::In => self.contains(b, a)?,
            CmpOp::NotIn => !self.contains(b, a)?,
            CmpOp::Eq => return self.rich_compare(a, b, op),
            CmpOp::NotEq => return self.rich_compare(a, b, op),
            _ => return self.rich_compare(a, b, op),
        }))
    }

    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = builtin_eq(a, b) {
            return Ok(r);
        }
        let r = self.rich_compare(a, b, CmpOp::Eq)?;
        self.is_true(&r)
    }

    pub fn lt(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(x < y);
        }
        let r = self.rich_compare(a, b, CmpOp::Lt)?;
        self.is_true(&r)
    }

    fn rich_compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        if let Some(ord) = self.builtin_order(a, b)? {
            return Ok(Value::Bool(match op {
                CmpOp::Eq => ord == Some(std::cmp::Ordering::Equal),
                CmpOp::NotEq => ord != Some(std::cmp::Ordering::Equal),
                CmpOp::Lt => ord == Some(std::cmp::Ordering::Less),
                CmpOp::LtE => matches!(
                    ord,
                    Some(std::cmp::Ordering::Less | std::cmp::Ordering::Equal)
                ),
                CmpOp::Gt => ord == Some(std::cmp::Ordering::Greater),
                CmpOp::GtE => matches!(
                    ord,
                    Some(std::cmp::Ordering::Greater | std::cmp::Ordering::Equal)
                ),
                _ => false,
            }));
        }
        if let (Value::Set(x) | Value::FrozenSet(x), Value::Set(y) | Value::FrozenSet(y)) = (a, b) {
            if !matches!(op, CmpOp::Eq | CmpOp::NotEq) {
                let (x, y) = (x.items.borrow(), y.items.borrow());
                let subset = |p: &crate::vm::settable::SetTable,
                              q: &crate::vm::settable::SetTable| {
                    p.len() <= q.len() && p.iter().all(|k| q.contains(k))
                };
                return Ok(Value::Bool(match op {
                    CmpOp::LtE => subset(&x, &y),
                    CmpOp::Lt => x.len() < y.len() && subset(&x, &y),
                    CmpOp::GtE => subset(&y, &x),
                    _ => y.len() < x.len() && subset(&y, &x),
                }));
            }
        }
        if matches!(op, CmpOp::Eq | CmpOp::NotEq) {
            if let Some(eq) = self.container_eq(a, b)? {
                return Ok(Value::Bool(eq == (op == CmpOp::Eq)));
            }
        }
        let (name, reflected) = match op {
            CmpOp::Eq => ("__eq__", "__eq__"),
            CmpOp::NotEq => ("__ne__", "__ne__"),
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::LtE => ("__le__", "__ge__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            CmpOp::GtE => ("__ge__", "__le__"),
            _ => unreachable!("identity and membership are handled by compare"),
        };
        if let Some(r) = self.user_dunder(a, name, b)? {
            return Ok(r);
        }
        if let Some(r) = self.user_dunder(b, reflected, a)? {
            return Ok(r);
        }
        if let (Value::Tuple(_), Value::Tuple(_)) | (Value::List(_), Value::List(_)) = (a, b) {
            return self.sequence_order(a, b, op);
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::NotEq => {
                if let Some(r) = self.user_dunder(a, "__eq__", b)? {
                    let t = self.is_true(&r)?;
                    return Ok(Value::Bool(!t));
                }
                Ok(Value::Bool(!a.is(b)))
            }
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    /// A comparison dunder defined in Python (or natively by a non-builtin
    /// type), ignoring NotImplemented.
    fn user_dunder(&mut self, obj: &Value, name: &str, other: &Value) -> PyResult<Option<Value>> {
        if !matches!(obj, Value::Instance(_) | Value::Native(_)) {
            return Ok(None);
        }
        match self.call_dunder(obj, name, vec![other.clone()])? {
            Some(Value::NotImplemented) | None => Ok(None),
            Some(v) => Ok(Some(v)),
        }
    }

    /// Ordering of numbers and strings; `Some(None)` for unordered (NaN).
    pub(crate) fn builtin_order(
        &mut self,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<Option<std::cmp::Ordering>>> {
        use std::cmp::Ordering;
        Ok(Some(match (a, b) {
            (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
            (Value::Str(x), Value::Str(y)) => Some(x.as_str().cmp(y.as_str())),
            (Value::Bytes(x), Value::Bytes(y)) => Some(x.cmp(y)),
            (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
            _ if is_int(a) && is_int(b) => Some(as_big(a).cmp(&as_big(b))),
            (Value::Float(x), n) | (n, Value::Float(x)) if is_int(n) => {
                let flipped = matches!(b, Value::Float(_)) && !matches!(a, Value::Float(_));
                let ord = compare_float_int(*x, &as_big(n).unwrap_or_default());
                if flipped {
                    ord.map(Ordering::reverse)
                } else {
                    ord
                }
            }
            _ => return Ok(None),
        }))
    }

    pub(crate) fn container_eq(&mut self, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        Ok(Some(match (a, b) {
            (Value::List(x), Value::List(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.items_eq(&x, &y)?
            }
            (Value::Tuple(x), Value::Tuple(y)) => {
                let (x, y) = (x.clone(), y.clone());
                self.items_eq(&x, &y)?
            }
            (Value::Dict(x), Value::Dict(y)) => {
                if x.len() != y.len() {
                    return Ok(Some(false));
                }
                let items: Vec<(Value, Value)> = x.items();
                for (k, v) in items {
                    match self.dict_get(y, &k)? {
                        Some(w) => {
                            if !(v.is(&w) || self.eq(&v, &w)?) {
                                return Ok(Some(false));
                            }
                        }
                        None => return Ok(Some(false)),
                    }
                }
                true
            }
            (Value::Set(x) | Value::FrozenSet(x), Value::Set(y) | Value::FrozenSet(y)) => {
                let (x, y) = (x.items.borrow(), y.items.borrow());
                x.len() == y.len() && x.iter().all(|k| y.contains(k))
            }
            (Value::Range(x), Value::Range(y)) => {
                let (lx, ly) = (x.len(), y.len());
                lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)))
            }
            _ => return Ok(None),
        }))
    }

    fn items_eq(&mut self, x: &[Value], y: &[Value]) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (p, q) in x.iter().zip(y) {
            if !(p.is(q) || self.eq(p, q)?) {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Lexicographic ordering of lists and tuples.
    fn sequence_order(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        // Tuples are immutable: share them; lists are copied, since the
        // comparisons below may run Python code that changes them.
        let (x, y): (Rc<[Value]>, Rc<[Value]>) = match (a, b) {
            (Value::Tuple(x), Value::Tuple(y)) => (x.clone(), y.clone()),
            (Value::List(x), Value::List(y)) => {
                (x.borrow().as_slice().into(), y.borrow().as_slice().into())
            }
            _ => return Ok(Value::Bool(false)),
        };
        for (p, q) in x.iter().zip(y.iter()) {
            if !(p.is(q) || self.eq(p, q)?) {
                return self.rich_compare(p, q, op);
            }
        }
        let ord = x.len().cmp(&y.len());
        use std::cmp::Ordering::*;
        Ok(Value::Bool(match op {
            CmpOp::Lt => ord == Less,
            CmpOp::LtE => ord != Greater,
            CmpOp::Gt => ord == Greater,
            CmpOp::GtE => ord != Less,
            CmpOp::Eq => ord == Equal,
            CmpOp::NotEq => ord != Equal,
            _ => false,
        }))
    }
}

/// Equality that needs no Python code, or `None`.
fn builtin_eq(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        (Value::Str(x), Value::Str(y)) => Some(x.as_str() == y.as_str()),
        (Value::Float(x), Value::Float(y)) => Some(x == y),
        (Value::None, Value::None) => Some(true),
        (Value::None, Value::Int(_) | Value::Str(_) | Value::Float(_))
        | (Value::Int(_) | Value::Str(_) | Value::Float(_), Value::None) => Some(false),
        (Value::Str(_), Value::Int(_) | Value::Float(_))
        | (Value::Int(_) | Value::Float(_), Value::Str(_)) => Some(false),
        _ => None,
    }
}

fn compare_float_int(x: f64, n: &BigInt) -> Option<std::cmp::Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Less
        });
    }
    if let Some(i) = n.to_i64() {
        if i.unsigned_abs() < (1 << 53) {
            return x.partial_cmp(&(i as f64));
        }
    }
    let floor = BigInt::from(x.floor() as i128);
    match floor.cmp(n) {
        std::cmp::Ordering::Equal if x.fract() != 0.0 => Some(std::cmp::Ordering::Greater),
        ord => Some(ord),
    }
}
