//! Scope analysis, after CPython's symtable.c: one pass records how every
//! name is used in every scope, a second decides whether each is local,
//! global, free (read from an enclosing function) or a cell (captured by an
//! inner function). Scoping SyntaxErrors are reported here, before codegen.

use std::collections::{BTreeSet, HashMap};

use super::mangle::mangle;
use crate::ast::*;
use crate::syntax::{SyntaxError, SyntaxErrorKind};

pub type ScopeId = usize;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

impl ScopeKind {
    /// Scopes with fast locals (CPython's FunctionBlock).
    pub fn is_function_like(self) -> bool {
        matches!(
            self,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }
}

/// How a name is used inside one scope (bit set).
pub mod def {
    pub const GLOBAL: u32 = 1;
    pub const LOCAL: u32 = 2;
    pub const PARAM: u32 = 4;
    pub const NONLOCAL: u32 = 8;
    pub const USE: u32 = 16;
    /// A class-level name that methods also read from an enclosing function.
    pub const FREE_CLASS: u32 = 32;
    pub const IMPORT: u32 = 64;
    pub const ANNOT: u32 = 128;
    /// Bound as a comprehension's iteration variable.
    pub const COMP_ITER: u32 = 256;
    pub const BOUND: u32 = LOCAL | PARAM | IMPORT;
}

/// Where a name lives at run time.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NameScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Debug)]
pub struct Symbol {
    pub flags: u32,
    pub scope: NameScope,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    symbols: HashMap<String, Symbol>,
    /// Symbol names in first-seen order (analysis reports errors in this order).
    order: Vec<String>,
    /// Parameter names (mangled), in `varnames` order.
    pub params: Vec<String>,
    children: Vec<ScopeId>,
    /// Contains `yield` (or is a generator expression).
    pub is_generator: bool,
    /// `async def`, or a comprehension containing `await`/`async for`.
    pub is_coroutine: bool,
    /// Enclosed by a function-like scope (CPython's CO_NESTED).
    pub nested: bool,
    has_free: bool,
    child_free: bool,
    /// A class whose methods use `super`/`__class__`: it gets a `__class__` cell.
    pub needs_class_closure: bool,
    /// "list comprehension", ... for error messages.
    comp_kind: &'static str,
    /// Span of the first global/nonlocal directive per name.
    directives: HashMap<String, Span>,
    /// Depth of comprehension iterable expressions being visited.
    comp_iter_expr: u32,
}

impl Scope {
    fn new(kind: ScopeKind, nested: bool) -> Scope {
        Scope {
            kind,
            symbols: HashMap::new(),
            order: Vec::new(),
            params: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            nested,
            has_free: false,
            child_free: false,
            needs_class_closure: false,
            comp_kind: "",
            directives: HashMap::new(),
            comp_iter_expr: 0,
        }
    }

    fn flags(&self, name: &str) -> u32 {
        self.symbols.get(name).map_or(0, |s| s.flags)
    }
}

/// Identifies the AST node that opens a scope.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum NodeKey {
    Function(usize),
    Class(usize),
    Expr(usize),
}

pub struct SymbolTable {
    scopes: Vec<Scope>,
    by_node: HashMap<NodeKey, ScopeId>,
    /// `from __future__ import annotations` is in effect.
    pub future_annotations: bool,
}

type Set = BTreeSet<String>;
type Result<T> = std::result::Result<T, SyntaxError>;

fn error(msg: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, span)
}

impl SymbolTable {
    pub const MODULE: ScopeId = 0;

    pub fn build(module: &Module) -> Result<SymbolTable> {
        let future_annotations = has_future_annotations(module);
        let mut builder = Builder {
            table: SymbolTable {
                scopes: vec![Scope::new(ScopeKind::Module, false)],
                by_node: HashMap::new(),
                future_annotations,
            },
            stack: vec![Self::MODULE],
            private: None,
            comp_iter_target: false,
        };
        for stmt in &module.body {
            builder.stmt(stmt)?;
        }
        let mut table = builder.table;
        table.analyze_block(Self::MODULE, None, Set::new())?;
        Ok(table)
    }

    pub fn scope(&self, id: ScopeId) -> &Scope {
        &self.scopes[id]
    }

    pub fn function_scope(&self, def: &FunctionDef, span: Span) -> Result<ScopeId> {
        self.node_scope(NodeKey::Function(def as *const FunctionDef as usize), span)
    }

    pub fn class_scope(&self, def: &ClassDef, span: Span) -> Result<ScopeId> {
        self.node_scope(NodeKey::Class(def as *const ClassDef as usize), span)
    }

    /// The scope of a lambda or comprehension expression.
    pub fn expr_scope(&self, expr: &Expr) -> Result<ScopeId> {
        self.node_scope(NodeKey::Expr(expr as *const Expr as usize), expr.span)
    }

    /// Codegen only asks for nodes the first pass visited; a miss is a
    /// compiler bug, reported as an error rather than a panic.
    fn node_scope(&self, key: NodeKey, span: Span) -> Result<ScopeId> {
        self.by_node.get(&key).copied().ok_or_else(|| {
            error(
                "kairos compiler: scope analysis missed this definition",
                span,
            )
        })
    }

    pub fn symbol(&self, id: ScopeId, name: &str) -> Option<&Symbol> {
        self.scopes[id].symbols.get(name)
    }

    /// Names of this scope's cells, sorted as CPython sorts `co_cellvars`.
    pub fn cellvars(&self, id: ScopeId) -> Vec<String> {
        let scope = &self.scopes[id];
        if scope.needs_class_closure {
            return vec!["__class__".to_owned()];
        }
        let set: Set = scope
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == NameScope::Cell)
            .map(|(n, _)| n.clone())
            .collect();
        set.into_iter().collect()
    }

    /// Names read from enclosing scopes through cells, sorted.
    pub fn freevars(&self, id: ScopeId) -> Vec<String> {
        let set: Set = self.scopes[id]
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == NameScope::Free || s.flags & def::FREE_CLASS != 0)
            .map(|(n, _)| n.clone())
            .collect();
        set.into_iter().collect()
    }

    fn directive_span(&self, id: ScopeId, name: &str) -> Span {
        self.scopes[id]
            .directives
            .get(name)
            .copied()
            .unwrap_or_default()
    }

    /// CPython's analyze_block: `bound` holds the names bound in enclosing
    /// function scopes (None at module level), `global` the names declared
    /// global above. Returns the names free in this subtree.
    fn analyze_block(
        &mut self,
        id: ScopeId,
        mut bound: Option<Set>,
        mut global: Set,
    ) -> Result<Set> {
        let kind = self.scopes[id].kind;
        let mut free = Set::new();
        let mut local = Set::new();
        let mut scopes: HashMap<String, NameScope> = HashMap::new();
        let mut newglobal = Set::new();
        let mut newbound = Set::new();
        if kind == ScopeKind::Class {
            newglobal = global.clone();
            if let Some(b) = &bound {
                newbound = b.clone();
            }
        }
        let names = self.scopes[id].order.clone();
        for name in names {
            let flags = self.scopes[id].flags(&name);
            let scope = self.analyze_name(
                id,
                &name,
                flags,
                bound.as_mut(),
                &mut local,
                &mut free,
                &mut global,
            )?;
            scopes.insert(name, scope);
        }
        if kind == ScopeKind::Class {
            newbound.insert("__class__".to_owned());
        } else {
            if kind.is_function_like() {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        }
        let mut newfree = Set::new();
        for child in self.scopes[id].children.clone() {
            let child_free =
                self.analyze_block(child, Some(newbound.clone()), newglobal.clone())?;
            newfree.extend(child_free);
            if self.scopes[child].has_free || self.scopes[child].child_free {
                self.scopes[id].child_free = true;
            }
        }
        if kind.is_function_like() {
            for (name, scope) in scopes.iter_mut() {
                if *scope == NameScope::Local && newfree.remove(name) {
                    *scope = NameScope::Cell;
                }
            }
        } else if kind == ScopeKind::Class && newfree.remove("__class__") {
            self.scopes[id].needs_class_closure = true;
        }
        let scope = &mut self.scopes[id];
        for (name, name_scope) in scopes {
            if let Some(sym) = scope.symbols.get_mut(&name) {
                sym.scope = name_scope;
            }
        }
        for name in &newfree {
            if let Some(sym) = scope.symbols.get_mut(name) {
                if kind == ScopeKind::Class && sym.flags & (def::BOUND | def::GLOBAL) != 0 {
                    sym.flags |= def::FREE_CLASS;
                }
                continue;
            }
            if bound.as_ref().is_some_and(|b| b.contains(name)) {
                scope.symbols.insert(
                    name.clone(),
                    Symbol {
                        flags: 0,
                        scope: NameScope::Free,
                    },
                );
            }
        }
        free.extend(newfree);
        Ok(free)
    }

    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &mut self,
        id: ScopeId,
        name: &str,
        flags: u32,
        bound: Option<&mut Set>,
        local: &mut Set,
        free: &mut Set,
        global: &mut Set,
    ) -> Result<NameScope> {
        if flags & def::GLOBAL != 0 {
            if flags & def::NONLOCAL != 0 {
                let span = self.directive_span(id, name);
                return Err(error(format!("name '{name}' is nonlocal and global"), span));
            }
            global.insert(name.to_owned());
            if let Some(b) = bound {
                b.remove(name);
            }
            return Ok(NameScope::GlobalExplicit);
        }
        if flags & def::NONLOCAL != 0 {
            let span = self.directive_span(id, name);
            let Some(b) = bound else {
                return Err(error(
                    "nonlocal declaration not allowed at module level",
                    span,
                ));
            };
            if !b.contains(name) {
                return Err(error(
                    format!("no binding for nonlocal '{name}' found"),
                    span,
                ));
            }
            self.scopes[id].has_free = true;
            free.insert(name.to_owned());
            return Ok(NameScope::Free);
        }
        if flags & def::BOUND != 0 {
            local.insert(name.to_owned());
            global.remove(name);
            return Ok(NameScope::Local);
        }
        if bound.is_some_and(|b| b.contains(name)) {
            self.scopes[id].has_free = true;
            free.insert(name.to_owned());
            return Ok(NameScope::Free);
        }
        if global.contains(name) {
            return Ok(NameScope::GlobalImplicit);
        }
        if self.scopes[id].nested {
            self.scopes[id].has_free = true;
        }
        Ok(NameScope::GlobalImplicit)
    }
}

/// `from __future__ import annotations` among the module's first statements.
fn has_future_annotations(module: &Module) -> bool {
    for (i, stmt) in module.body.iter().enumerate() {
        match &stmt.node {
            StmtKind::Expr(Spanned {
                node: ExprKind::Constant(Constant::Str(_)),
                ..
            }) if i == 0 => {}
            StmtKind::ImportFrom {
                module: Some(m),
                names,
                level: 0,
                ..
            } if m.node == "__future__" => {
                if names.iter().any(|a| a.name.node == "annotations") {
                    return true;
                }
            }
            _ => return false,
        }
    }
    false
}

/// The first pass: records definitions and uses, scope by scope.
struct Builder {
    table: SymbolTable,
    stack: Vec<ScopeId>,
    /// The enclosing class name, for mangling.
    private: Option<String>,
    /// Visiting a comprehension's `for` target.
    comp_iter_target: bool,
}

impl Builder {
    fn cur(&self) -> ScopeId {
        *self.stack.last().expect("scope stack is never empty")
    }

    fn cur_scope(&mut self) -> &mut Scope {
        let id = self.cur();
        &mut self.table.scopes[id]
    }

    fn enter(&mut self, kind: ScopeKind, key: NodeKey) -> ScopeId {
        let parent = &self.table.scopes[self.cur()];
        let nested = parent.nested || parent.kind.is_function_like();
        let id = self.table.scopes.len();
        self.table.scopes.push(Scope::new(kind, nested));
        let parent_id = self.cur();
        self.table.scopes[parent_id].children.push(id);
        self.table.by_node.insert(key, id);
        self.stack.push(id);
        id
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn add_def(&mut self, name: &str, flag: u32, span: Span) -> Result<()> {
        let id = self.cur();
        self.add_def_in(id, name, flag, span)
    }

    fn add_def_in(&mut self, id: ScopeId, name: &str, mut flag: u32, span: Span) -> Result<()> {
        if self.comp_iter_target && flag & def::LOCAL != 0 {
            flag |= def::COMP_ITER;
        }
        let mangled = mangle(self.private.as_deref(), name);
        let scope = &mut self.table.scopes[id];
        let old = scope.flags(&mangled);
        if flag & def::PARAM != 0 {
            if old & def::PARAM != 0 {
                return Err(error(
                    format!("duplicate argument '{name}' in function definition"),
                    span,
                ));
            }
            scope.params.push(mangled.clone());
        }
        match scope.symbols.get_mut(&mangled) {
            Some(sym) => sym.flags |= flag,
            None => {
                scope.order.push(mangled.clone());
                scope.symbols.insert(
                    mangled,
                    Symbol {
                        flags: flag,
                        scope: NameScope::GlobalImplicit,
                    },
                );
            }
        }
        Ok(())
    }

    fn record_directive(&mut self, id: ScopeId, name: &str, span: Span) {
        let mangled = mangle(self.private.as_deref(), name);
        self.table.scopes[id]
            .directives
            .entry(mangled)
            .or_insert(span);
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &Stmt) -> Result<()> {
        match &s.node {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    self.target(t)?;
                }
                self.expr(value)
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.target(target)?;
                self.expr(value)
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                if let ExprKind::Name(id) = &target.node {
                    let mangled = mangle(self.private.as_deref(), id);
                    let cur = self.table.scopes[self.cur()].flags(&mangled);
                    if cur & (def::GLOBAL | def::NONLOCAL) != 0 && self.cur() != SymbolTable::MODULE
                    {
                        let what = if cur & def::GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(error(
                            format!("annotated name '{id}' can't be {what}"),
                            s.span,
                        ));
                    }
                    self.add_def(id, def::ANNOT | def::LOCAL, target.span)?;
                } else {
                    self.target(target)?;
                }
                self.annotation(annotation)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
                Ok(())
            }
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.target(t)),
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
            StmtKind::Return(value) => self.opt_expr(value.as_ref()),
            StmtKind::Raise { exc, cause } => {
                self.opt_expr(exc.as_ref())?;
                self.opt_expr(cause.as_ref())
            }
            StmtKind::Global(names) => self.directive(names, s.span, true),
            StmtKind::Nonlocal(names) => {
                if self.cur() == SymbolTable::MODULE {
                    return Err(error(
                        "nonlocal declaration not allowed at module level",
                        s.span,
                    ));
                }
                self.directive(names, s.span, false)
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                self.opt_expr(msg.as_ref())
            }
            StmtKind::Import(aliases) => {
                for alias in aliases {
                    let bound = match &alias.asname {
                        Some(a) => a.node.as_str(),
                        None => alias.name.node.split('.').next().unwrap_or(""),
                    };
                    self.add_def(bound, def::IMPORT, alias.name.span)?;
                }
                Ok(())
            }
            StmtKind::ImportFrom { names, star, .. } => {
                if *star {
                    if self.cur() != SymbolTable::MODULE {
                        let end = s.span.end as usize;
                        return Err(error(
                            "import * only allowed at module level",
                            Span::new(end.saturating_sub(1), end),
                        ));
                    }
                    return Ok(());
                }
                for alias in names {
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.add_def(&bound.node, def::IMPORT, bound.span)?;
                }
                Ok(())
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.target(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.stmts(body)?;
                for h in handlers {
                    self.opt_expr(h.typ.as_ref())?;
                    if let Some(name) = &h.name {
                        self.add_def(&name.node, def::LOCAL, name.span)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)
            }
            StmtKind::With { items, body, .. } => {
                for item in items {
                    self.expr(&item.context)?;
                    if let Some(t) = &item.target {
                        self.target(t)?;
                    }
                }
                self.stmts(body)
            }
            StmtKind::FunctionDef(f) => self.function_def(f),
            StmtKind::ClassDef(c) => self.class_def(c),
        }
    }

    fn directive(&mut self, names: &[Ident], span: Span, is_global: bool) -> Result<()> {
        let what = if is_global { "global" } else { "nonlocal" };
        for name in names {
            let mangled = mangle(self.private.as_deref(), &name.node);
            let cur = self.table.scopes[self.cur()].flags(&mangled);
            if cur & (def::PARAM | def::LOCAL | def::USE | def::ANNOT) != 0 {
                let n = &name.node;
                let msg = if cur & def::PARAM != 0 {
                    format!("name '{n}' is parameter and {what}")
                } else if cur & def::USE != 0 {
                    format!("name '{n}' is used prior to {what} declaration")
                } else if cur & def::ANNOT != 0 {
                    format!("annotated name '{n}' can't be {what}")
                } else {
                    format!("name '{n}' is assigned to before {what} declaration")
                };
                return Err(error(msg, span));
            }
            let flag = if is_global {
                def::GLOBAL
            } else {
                def::NONLOCAL
            };
            self.add_def(&name.node, flag, span)?;
            let id = self.cur();
            self.record_directive(id, &name.node, span);
        }
        Ok(())
    }

    fn function_def(&mut self, f: &FunctionDef) -> Result<()> {
        self.add_def(&f.name.node, def::LOCAL, f.name.span)?;
        self.defaults(&f.params)?;
        for p in all_params(&f.params) {
            if let Some(a) = &p.annotation {
                self.annotation(a)?;
            }
        }
        if let Some(r) = &f.returns {
            self.annotation(r)?;
        }
        for d in &f.decorators {
            self.expr(d)?;
        }
        let id = self.enter(
            ScopeKind::Function,
            NodeKey::Function(f as *const FunctionDef as usize),
        );
        self.table.scopes[id].is_coroutine = f.is_async;
        self.params(&f.params)?;
        self.stmts(&f.body)?;
        self.exit();
        Ok(())
    }

    fn class_def(&mut self, c: &ClassDef) -> Result<()> {
        self.add_def(&c.name.node, def::LOCAL, c.name.span)?;
        for b in &c.bases {
            self.expr(b)?;
        }
        for k in &c.keywords {
            self.expr(&k.value)?;
        }
        for d in &c.decorators {
            self.expr(d)?;
        }
        self.enter(
            ScopeKind::Class,
            NodeKey::Class(c as *const ClassDef as usize),
        );
        let saved = self.private.replace(c.name.node.clone());
        let result = self.stmts(&c.body);
        self.private = saved;
        self.exit();
        result
    }

    fn defaults(&mut self, params: &Parameters) -> Result<()> {
        for p in params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.kwonly)
        {
            if let Some(d) = &p.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn params(&mut self, params: &Parameters) -> Result<()> {
        for p in all_params(params) {
            let span = match &p.annotation {
                Some(a) => p.name.span.to(a.span),
                None => p.name.span,
            };
            self.add_def(&p.name.node, def::PARAM, span)?;
        }
        Ok(())
    }

    fn annotation(&mut self, e: &Expr) -> Result<()> {
        if self.table.future_annotations {
            return Ok(());
        }
        self.expr(e)
    }

    fn opt_expr(&mut self, e: Option<&Expr>) -> Result<()> {
        e.map_or(Ok(()), |e| self.expr(e))
    }

    /// An assignment or deletion target.
    fn target(&mut self, e: &Expr) -> Result<()> {
        match &e.node {
            ExprKind::Name(id) => self.add_def(id, def::LOCAL, e.span),
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                elts.iter().try_for_each(|t| self.target(t))
            }
            ExprKind::Starred(inner) => self.target(inner),
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)
            }
            _ => self.expr(e),
        }
    }

    fn expr(&mut self, e: &Expr) -> Result<()> {
        match &e.node {
            ExprKind::Name(id) => {
                self.add_def(id, def::USE, e.span)?;
                if id == "super" && self.cur_scope().kind.is_function_like() {
                    self.add_def("__class__", def::USE, e.span)?;
                }
                Ok(())
            }
            ExprKind::Constant(_) => Ok(()),
            ExprKind::JoinedStr(parts) => self.fstring(parts),
            ExprKind::List(elts) | ExprKind::Tuple(elts) | ExprKind::Set(elts) => {
                elts.iter().try_for_each(|x| self.expr(x))
            }
            ExprKind::Dict { keys, values } => {
                for (k, v) in keys.iter().zip(values) {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
                Ok(())
            }
            ExprKind::Starred(v) => self.expr(v),
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                }
                Ok(())
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                args.iter().try_for_each(|a| self.expr(a))?;
                keywords.iter().try_for_each(|k| self.expr(&k.value))
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::BoolOp { values, .. } => values.iter().try_for_each(|v| self.expr(v)),
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                comparators.iter().try_for_each(|c| self.expr(c))
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)
            }
            ExprKind::Lambda { params, body } => {
                self.defaults(params)?;
                self.enter(ScopeKind::Lambda, NodeKey::Expr(e as *const Expr as usize));
                self.params(params)?;
                self.expr(body)?;
                self.exit();
                Ok(())
            }
            ExprKind::NamedExpr { target, value } => self.named_expr(e, target, value),
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, generators, &[elt], "list comprehension", false)
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, generators, &[elt], "set comprehension", false)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, generators, &[key, value], "dict comprehension", false),
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, generators, &[elt], "generator expression", true)
            }
            ExprKind::Await(v) => {
                self.expr(v)?;
                self.cur_scope().is_coroutine = true;
                Ok(())
            }
            ExprKind::Yield(v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                }
                self.yield_in_scope(e.span)
            }
            ExprKind::YieldFrom(v) => {
                self.expr(v)?;
                self.yield_in_scope(e.span)
            }
        }
    }

    fn yield_in_scope(&mut self, span: Span) -> Result<()> {
        let scope = self.cur_scope();
        if scope.kind == ScopeKind::Comprehension {
            return Err(error(format!("'yield' inside {}", scope.comp_kind), span));
        }
        scope.is_generator = true;
        Ok(())
    }

    fn fstring(&mut self, parts: &[FStringPart]) -> Result<()> {
        for part in parts {
            if let FStringPart::Formatted {
                value, format_spec, ..
            } = part
            {
                self.expr(value)?;
                if let Some(spec) = format_spec {
                    self.fstring(spec)?;
                }
            }
        }
        Ok(())
    }

    fn named_expr(&mut self, e: &Expr, target: &Expr, value: &Expr) -> Result<()> {
        if self.cur_scope().comp_iter_expr > 0 {
            return Err(error(
                "assignment expression cannot be used in a comprehension iterable expression",
                e.span,
            ));
        }
        self.expr(value)?;
        let ExprKind::Name(name) = &target.node else {
            return self.target(target);
        };
        if self.cur_scope().kind != ScopeKind::Comprehension {
            return self.target(target);
        }
        // Walrus in a comprehension binds in the nearest enclosing
        // non-comprehension scope.
        let cur = self.cur();
        for &id in self.stack.clone().iter().rev() {
            let scope = &self.table.scopes[id];
            let mangled = mangle(self.private.as_deref(), name);
            match scope.kind {
                ScopeKind::Comprehension => {
                    if scope.flags(&mangled) & def::COMP_ITER != 0 {
                        return Err(error(
                            format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                            target.span,
                        ));
                    }
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    let flag = if scope.flags(&mangled) & def::GLOBAL != 0 {
                        def::GLOBAL
                    } else {
                        def::NONLOCAL
                    };
                    self.add_def_in(cur, name, flag, e.span)?;
                    self.record_directive(cur, name, e.span);
                    return self.add_def_in(id, name, def::LOCAL, target.span);
                }
                ScopeKind::Module => {
                    self.add_def_in(cur, name, def::GLOBAL, e.span)?;
                    self.record_directive(cur, name, e.span);
                    return self.add_def_in(id, name, def::GLOBAL, target.span);
                }
                ScopeKind::Class => {
                    return Err(error(
                        "assignment expression within a comprehension cannot be used in a class body",
                        target.span,
                    ));
                }
            }
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        generators: &[Comprehension],
        elts: &[&Expr],
        comp_kind: &'static str,
        is_genexp: bool,
    ) -> Result<()> {
        let Some(outermost) = generators.first() else {
            return Ok(());
        };
        self.comp_iter(&outermost.iter)?;
        let id = self.enter(
            ScopeKind::Comprehension,
            NodeKey::Expr(e as *const Expr as usize),
        );
        let scope = &mut self.table.scopes[id];
        scope.comp_kind = comp_kind;
        scope.is_generator = is_genexp;
        if outermost.is_async {
            scope.is_coroutine = true;
        }
        self.add_def(".0", def::PARAM, e.span)?;
        for (i, gen) in generators.iter().enumerate() {
            if i > 0 {
                self.comp_iter(&gen.iter)?;
            }
            self.comp_iter_target = true;
            let r = self.target(&gen.target);
            self.comp_iter_target = false;
            r?;
            gen.ifs.iter().try_for_each(|c| self.expr(c))?;
            if gen.is_async {
                self.table.scopes[id].is_coroutine = true;
            }
        }
        for elt in elts {
            self.expr(elt)?;
        }
        // A non-generator async comprehension is awaited where it is
        // built, which makes the enclosing scope asynchronous too.
        let awaited = self.table.scopes[id].is_coroutine && !is_genexp;
        self.exit();
        if awaited {
            self.cur_scope().is_coroutine = true;
        }
        Ok(())
    }

    fn comp_iter(&mut self, iter: &Expr) -> Result<()> {
        self.cur_scope().comp_iter_expr += 1;
        let r = self.expr(iter);
        self.cur_scope().comp_iter_expr -= 1;
        r
    }
}

/// Parameters in `varnames` order: positional, keyword-only, `*args`, `**kwargs`.
pub fn all_params(p: &Parameters) -> impl Iterator<Item = &Param> {
    p.posonly
        .iter()
        .chain(&p.args)
        .chain(&p.kwonly)
        .chain(&p.vararg)
        .chain(&p.kwarg)
}
