//! Bytecode generation: the compiler state, one code unit per scope being
//! compiled, instruction emission with labels, constant/name tables and
//! name resolution. Statements, expressions, definitions and the
//! try/with/loop machinery live in sibling files as more `impl Compiler`.

use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::BigInt;

use super::mangle::mangle;
use super::symtable::{NameScope, ScopeId, SymbolTable};
use super::unwind::FBlock;
use super::LineIndex;
use crate::ast::{Constant, Module, Span, Stmt, StmtKind};
use crate::bytecode::{CodeObject, Instr, Location};
use crate::syntax::{SyntaxError, SyntaxErrorKind};
use crate::value::Value;

pub(super) type Result<T> = std::result::Result<T, SyntaxError>;

pub(super) fn error(msg: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, span)
}

/// CPython's compiler scope types: what kind of body a unit compiles.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum UnitKind {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

impl UnitKind {
    /// Units whose variables are fast locals.
    pub fn has_fast_locals(self) -> bool {
        !matches!(self, UnitKind::Module | UnitKind::Class)
    }
}

/// A jump target, resolved to an instruction index when the unit finishes.
#[derive(Clone, Copy, Debug)]
pub(super) struct Label(u32);

/// Constants are deduplicated by value (and type: `1`, `1.0`, `True` differ).
#[derive(Clone, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Ellipsis,
    Bool(bool),
    Int(String),
    Float(u64),
    Str(String),
    Bytes(Vec<u8>),
    Names(Vec<String>),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Ctx {
    Load,
    Store,
    Del,
}

/// The code object being built for one scope.
pub(super) struct Unit<'a> {
    pub kind: UnitKind,
    pub scope: ScopeId,
    /// Class name for private-name mangling.
    pub private: Option<String>,
    pub name: String,
    pub qualname: String,
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    varnames: Vec<String>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    names: Vec<std::rc::Rc<str>>,
    name_index: HashMap<String, u32>,
    constants: Vec<Value>,
    const_index: HashMap<ConstKey, u32>,
    instructions: Vec<Instr>,
    locations: Vec<Location>,
    labels: Vec<Option<u32>>,
    jumps: Vec<usize>,
    pub fblocks: Vec<FBlock<'a>>,
    /// Location given to the instructions emitted now.
    pub loc: Location,
    firstlineno: u32,
    span: Span,
    pub has_docstring: bool,
}

pub(super) struct Compiler<'a> {
    pub table: &'a SymbolTable,
    pub filename: Rc<str>,
    pub source: &'a str,
    pub lines: LineIndex,
    units: Vec<Unit<'a>>,
}

impl<'a> Compiler<'a> {
    pub fn new(table: &'a SymbolTable, filename: &str, source: &'a str) -> Self {
        Compiler {
            table,
            filename: Rc::from(filename),
            source,
            lines: LineIndex::new(source),
            units: Vec::new(),
        }
    }

    pub fn compile_module(mut self, module: &'a Module) -> Result<Rc<CodeObject>> {
        let span = Span::new(0, self.source.len());
        self.enter_unit(UnitKind::Module, SymbolTable::MODULE, "<module>", span, 1);
        self.namespace_body(&module.body)?;
        self.return_none();
        Ok(self.finish_unit())
    }

    // ----- units -------------------------------------------------------

    pub fn u(&mut self) -> &mut Unit<'a> {
        self.units
            .last_mut()
            .expect("a unit is always being compiled")
    }

    pub fn unit(&self) -> &Unit<'a> {
        self.units.last().expect("a unit is always being compiled")
    }

    pub fn line_of(&self, offset: u32) -> u32 {
        self.lines.line_of(offset)
    }

    /// Starts compiling a new scope. The qualname follows CPython's
    /// compiler_set_qualname.
    pub fn enter_unit(
        &mut self,
        kind: UnitKind,
        scope: ScopeId,
        name: &str,
        span: Span,
        firstlineno: u32,
    ) {
        let parent = self.units.last();
        let qualname = match parent {
            Some(p) if p.kind != UnitKind::Module => {
                let mut force_global = false;
                if matches!(
                    kind,
                    UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Class
                ) {
                    let mangled = mangle(p.private.as_deref(), name);
                    force_global = self
                        .table
                        .symbol(p.scope, &mangled)
                        .is_some_and(|s| s.scope == NameScope::GlobalExplicit);
                }
                if force_global {
                    name.to_owned()
                } else if matches!(
                    p.kind,
                    UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Lambda
                ) {
                    format!("{}.<locals>.{}", p.qualname, name)
                } else {
                    format!("{}.{}", p.qualname, name)
                }
            }
            _ => name.to_owned(),
        };
        let private = match kind {
            UnitKind::Class => Some(name.to_owned()),
            _ => parent.and_then(|p| p.private.clone()),
        };
        self.units.push(Unit {
            kind,
            scope,
            private,
            name: name.to_owned(),
            qualname,
            flags: 0,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            varnames: self.table.scope(scope).params.clone(),
            cellvars: self.table.cellvars(scope),
            freevars: self.table.freevars(scope),
            names: Vec::new(),
            name_index: HashMap::new(),
            constants: Vec::new(),
            const_index: HashMap::new(),
            instructions: Vec::new(),
            locations: Vec::new(),
            labels: Vec::new(),
            jumps: Vec::new(),
            fblocks: Vec::new(),
            loc: Location { span, anchor: None },
            firstlineno,
            span,
            has_docstring: false,
        });
    }

    /// Ends the innermost unit: resolves labels and builds its code object.
    pub fn finish_unit(&mut self) -> Rc<CodeObject> {
        let mut u = self.units.pop().expect("finish_unit without a unit");
        for &site in &u.jumps {
            if let Some(label) = super::dis::jump_target(&u.instructions[site]) {
                let target = u.labels[label as usize].unwrap_or(0);
                u.instructions[site] = retarget(u.instructions[site], target);
            }
        }
        let nparams = (u.argcount
            + u.kwonlyargcount
            + u32::from(u.flags & crate::bytecode::flags::VARARGS != 0)
            + u32::from(u.flags & crate::bytecode::flags::VARKEYWORDS != 0))
            as usize;
        let cell_params = u
            .cellvars
            .iter()
            .enumerate()
            .filter_map(|(ci, name)| {
                u.varnames[..nparams.min(u.varnames.len())]
                    .iter()
                    .position(|v| v == name)
                    .map(|vi| (ci as u32, vi as u32))
            })
            .collect();
        Rc::new(CodeObject {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            flags: u.flags,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            varnames: u.varnames,
            cellvars: u.cellvars,
            cell_params,
            freevars: u.freevars,
            names: u.names,
            constants: u.constants,
            instructions: u.instructions,
            locations: u.locations,
            firstlineno: u.firstlineno,
            span: u.span,
            has_docstring: u.has_docstring,
        })
    }

    // ----- emission ----------------------------------------------------

    pub fn emit(&mut self, instr: Instr) {
        let loc = self.unit().loc;
        self.emit_at(instr, loc);
    }

    pub fn emit_at(&mut self, instr: Instr, loc: Location) {
        let u = self.u();
        u.instructions.push(instr);
        u.locations.push(loc);
    }

    /// Emits at `span` without an anchor.
    pub fn emit_span(&mut self, instr: Instr, span: Span) {
        self.emit_at(instr, Location { span, anchor: None });
    }

    pub fn new_label(&mut self) -> Label {
        let u = self.u();
        u.labels.push(None);
        Label(u.labels.len() as u32 - 1)
    }

    pub fn bind(&mut self, label: Label) {
        let u = self.u();
        u.labels[label.0 as usize] = Some(u.instructions.len() as u32);
    }

    /// Emits a jump-carrying instruction (`Jump`, `ForIter`, `SetupFinally`, ...).
    pub fn emit_jump(&mut self, make: fn(u32) -> Instr, label: Label) {
        let site = self.unit().instructions.len();
        self.u().jumps.push(site);
        self.emit(make(label.0));
    }

    /// Swaps in a new current location, returning the old one.
    pub fn set_loc(&mut self, span: Span) -> Location {
        std::mem::replace(&mut self.u().loc, Location { span, anchor: None })
    }

    pub fn restore_loc(&mut self, loc: Location) {
        self.u().loc = loc;
    }

    pub fn return_none(&mut self) {
        self.load_const(Value::None, ConstKey::None);
        self.emit(Instr::ReturnValue);
    }

    // ----- tables ------------------------------------------------------

    fn add_const(&mut self, value: Value, key: Option<ConstKey>) -> u32 {
        let u = self.u();
        if let Some(k) = &key {
            if let Some(&i) = u.const_index.get(k) {
                return i;
            }
        }
        u.constants.push(value);
        let i = u.constants.len() as u32 - 1;
        if let Some(k) = key {
            u.const_index.insert(k, i);
        }
        i
    }

    fn load_const(&mut self, value: Value, key: ConstKey) {
        let i = self.add_const(value, Some(key));
        self.emit(Instr::LoadConst(i));
    }

    pub fn load_constant(&mut self, c: &Constant) {
        let (value, key) = match c {
            Constant::None => (Value::None, ConstKey::None),
            Constant::True => (Value::Bool(true), ConstKey::Bool(true)),
            Constant::False => (Value::Bool(false), ConstKey::Bool(false)),
            Constant::Ellipsis => (Value::Ellipsis, ConstKey::Ellipsis),
            Constant::Int(digits) => (int_value(digits), ConstKey::Int(digits.clone())),
            Constant::Float(f) => (Value::Float(*f), ConstKey::Float(f.to_bits())),
            Constant::Str(s) => (Value::str(s), ConstKey::Str(s.clone())),
            Constant::Bytes(b) => (
                Value::Bytes(Rc::from(b.as_slice())),
                ConstKey::Bytes(b.clone()),
            ),
        };
        self.load_const(value, key);
    }

    pub fn load_str(&mut self, s: &str) {
        self.load_const(Value::str(s), ConstKey::Str(s.to_owned()));
    }

    pub fn load_none(&mut self) {
        self.load_const(Value::None, ConstKey::None);
    }

    pub fn load_bool(&mut self, b: bool) {
        self.load_const(Value::Bool(b), ConstKey::Bool(b));
    }

    /// A constant tuple of strings (keyword-argument names).
    pub fn load_names_tuple(&mut self, names: Vec<String>) {
        let value = Value::tuple(names.iter().map(|n| Value::str(n)).collect());
        self.load_const(value, ConstKey::Names(names));
    }

    pub fn load_code(&mut self, code: Rc<CodeObject>) {
        let i = self.add_const(Value::Code(code), None);
        self.emit(Instr::LoadConst(i));
    }

    /// Makes `doc` the first constant (function docstrings).
    pub fn set_docstring(&mut self, doc: &str) {
        let i = self.add_const(Value::str(doc), Some(ConstKey::Str(doc.to_owned())));
        debug_assert_eq!(i, 0);
        self.u().has_docstring = true;
    }

    pub fn name_idx(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.name_index.get(name) {
            return i;
        }
        u.names.push(crate::vm::objects::attribute_key(name));
        let i = u.names.len() as u32 - 1;
        u.name_index.insert(name.to_owned(), i);
        i
    }

    /// A mangled attribute name's index.
    pub fn attr_idx(&mut self, attr: &str) -> u32 {
        let mangled = mangle(self.unit().private.as_deref(), attr);
        self.name_idx(&mangled)
    }

    pub fn varname_idx(&mut self, name: &str) -> u32 {
        let u = self.u();
        match u.varnames.iter().position(|v| v == name) {
            Some(i) => i as u32,
            None => {
                u.varnames.push(name.to_owned());
                u.varnames.len() as u32 - 1
            }
        }
    }

    /// A hidden fast local that keeps a return value across `PopExcept`
    /// (which truncates the stack).
    pub fn return_temp(&mut self) -> u32 {
        self.varname_idx(".retval")
    }

    pub fn mangle(&self, name: &str) -> String {
        mangle(self.unit().private.as_deref(), name)
    }

    // ----- names -------------------------------------------------------

    /// Loads, stores or deletes a variable, choosing the instruction from
    /// the symbol table as CPython's compiler_nameop.
    pub fn name_op(&mut self, name: &str, ctx: Ctx) {
        if ctx == Ctx::Load && name == "__debug__" {
            self.load_bool(true);
            return;
        }
        let mangled = self.mangle(name);
        let u = self.unit();
        let scope = self.table.symbol(u.scope, &mangled).map(|s| s.scope);
        let fast = u.kind.has_fast_locals();
        let deref = match scope {
            Some(NameScope::Cell) => u.cellvars.iter().position(|c| *c == mangled),
            Some(NameScope::Free) => u
                .freevars
                .iter()
                .position(|c| *c == mangled)
                .map(|i| i + u.cellvars.len()),
            _ => None,
        };
        let is_class = u.kind == UnitKind::Class;
        let instr = if let Some(i) = deref {
            let i = i as u32;
            match ctx {
                Ctx::Load if is_class => Instr::LoadClassDeref(i),
                Ctx::Load => Instr::LoadDeref(i),
                Ctx::Store => Instr::StoreDeref(i),
                Ctx::Del => Instr::DeleteDeref(i),
            }
        } else {
            match scope {
                Some(NameScope::Local) if fast => {
                    let i = self.varname_idx(&mangled);
                    match ctx {
                        Ctx::Load => Instr::LoadFast(i),
                        Ctx::Store => Instr::StoreFast(i),
                        Ctx::Del => Instr::DeleteFast(i),
                    }
                }
                Some(NameScope::GlobalExplicit) | Some(NameScope::GlobalImplicit) | None
                    if fast || scope == Some(NameScope::GlobalExplicit) =>
                {
                    let i = self.name_idx(&mangled);
                    match ctx {
                        Ctx::Load => Instr::LoadGlobal(i),
                        Ctx::Store => Instr::StoreGlobal(i),
                        Ctx::Del => Instr::DeleteGlobal(i),
                    }
                }
                _ => {
                    let i = self.name_idx(&mangled);
                    match ctx {
                        Ctx::Load => Instr::LoadName(i),
                        Ctx::Store => Instr::StoreName(i),
                        Ctx::Del => Instr::DeleteName(i),
                    }
                }
            }
        };
        self.emit(instr);
    }

    /// The deref index of the cell to pass for `name` when building a
    /// closure in the current unit.
    pub fn closure_index(&self, name: &str) -> Option<u32> {
        let u = self.unit();
        let cell = if u.kind == UnitKind::Class && name == "__class__" {
            true
        } else {
            self.table
                .symbol(u.scope, name)
                .is_some_and(|s| s.scope == NameScope::Cell)
        };
        if cell {
            u.cellvars.iter().position(|c| c == name).map(|i| i as u32)
        } else {
            u.freevars
                .iter()
                .position(|c| c == name)
                .map(|i| (i + u.cellvars.len()) as u32)
        }
    }

    // ----- bodies ------------------------------------------------------

    /// A module or class body: `SetupAnnotations` when it has annotated
    /// assignments, the docstring stored as `__doc__`, then the statements.
    pub fn namespace_body(&mut self, body: &'a [Stmt]) -> Result<()> {
        if body.iter().any(has_annotations) {
            self.emit(Instr::SetupAnnotations);
        }
        let rest = match docstring(body) {
            Some(doc) => {
                let saved = self.set_loc(body[0].span);
                self.load_str(doc);
                self.name_op("__doc__", Ctx::Store);
                self.restore_loc(saved);
                &body[1..]
            }
            None => body,
        };
        self.stmts(rest)
    }

    pub fn stmts(&mut self, body: &'a [Stmt]) -> Result<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }
}

/// The docstring of a body: its first statement when that is a string literal.
pub(super) fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first().map(|s| &s.node) {
        Some(StmtKind::Expr(e)) => match &e.node {
            crate::ast::ExprKind::Constant(Constant::Str(s)) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// CPython's find_ann: does this statement (or a nested block, but not a
/// nested def/class) contain an annotated assignment?
fn has_annotations(stmt: &Stmt) -> bool {
    let any = |body: &[Stmt]| body.iter().any(has_annotations);
    match &stmt.node {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. } => any(body) || any(orelse),
        StmtKind::With { body, .. } => any(body),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => any(body) || handlers.iter().any(|h| any(&h.body)) || any(orelse) || any(finalbody),
        _ => false,
    }
}

fn int_value(digits: &str) -> Value {
    if let Ok(i) = digits.parse::<i64>() {
        return Value::Int(i);
    }
    match BigInt::parse_bytes(digits.as_bytes(), 10) {
        Some(n) => Value::from_bigint(n),
        None => Value::Int(0),
    }
}

/// The same jump instruction pointing at `target`.
fn retarget(instr: Instr, target: u32) -> Instr {
    match instr {
        Instr::Jump(_) => Instr::Jump(target),
        Instr::PopJumpIfFalse(_) => Instr::PopJumpIfFalse(target),
        Instr::PopJumpIfTrue(_) => Instr::PopJumpIfTrue(target),
        Instr::JumpIfFalseOrPop(_) => Instr::JumpIfFalseOrPop(target),
        Instr::JumpIfTrueOrPop(_) => Instr::JumpIfTrueOrPop(target),
        Instr::ForIter(_) => Instr::ForIter(target),
        Instr::SetupFinally(_) => Instr::SetupFinally(target),
        other => other,
    }
}
