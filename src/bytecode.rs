//! The instruction set shared by the compiler and the VM.
//!
//! A stack machine in the spirit of CPython 3.8–3.11: each code object holds
//! a flat `Vec<Instr>` with jump targets as instruction indices, a parallel
//! location table for tracebacks, and a runtime block stack for `try` and
//! `with` (the compiler inlines `finally` bodies on `return`/`break`/
//! `continue` paths, so blocks only matter for exceptions).
//!
//! Stack effects are written `[before] -> [after]`, top of stack last.
//!
//! # Shapes the compiler emits
//!
//! `L` is the stack level when the construct starts. A handler reached
//! through `SetupFinally(H)` starts with the stack truncated to the level
//! at setup plus the exception, and an except-handler block active.
//!
//! * `try`/`except`: `SetupFinally(H) <body> PopBlock <else> Jump(END)`;
//!   `H: [exc]`, per handler: `<type> CheckExcMatch PopJumpIfFalse(NEXT)`,
//!   then `PopTop` (or store the name), `<body> PopExcept Jump(END)`; after
//!   the last handler `Reraise`. `except E as e` also wraps the body in
//!   `SetupFinally(C) <body> PopBlock; e = None; del e; PopExcept Jump(END)`
//!   and `C: [exc2] e = None; del e; Reraise`.
//! * `try`/`finally`: `SetupFinally(F) <body> PopBlock <finally> Jump(END)`;
//!   `F: [exc] <finally> Reraise`.
//! * Leaving blocks early (`return`/`break`/`continue`): `PopBlock` per
//!   try block, the finally body inlined, `PopExcept` per handler being
//!   run, the `with` exit call, `PopTop` of a `for` iterator. Because
//!   `PopExcept` truncates the stack, a return value crossing it is kept
//!   in the hidden fast local `.retval` (`StoreFast PopExcept LoadFast`).
//!   Every `ReturnValue` runs with no blocks left and one value on the stack.
//! * `with`: `<ctx> BeforeWith <store target | PopTop> SetupFinally(H)
//!   <body> PopBlock CallExit PopTop Jump(END)`; `H: [exit, exc]
//!   WithExceptStart PopJumpIfTrue(S) Reraise`; `S: PopExcept PopTop`
//!   (PopExcept leaves `[exit]`). The target is stored before the block
//!   is set up.
//! * `async with`: the same with `BeforeAsyncWith`, and each of
//!   `BeforeAsyncWith`, `CallExit`, `WithExceptStart` followed by the await
//!   sequence `GetAwaitable LoadConst(None) YieldFrom`.
//! * `await x`: `<x> GetAwaitable LoadConst(None) YieldFrom`;
//!   `yield from x`: `<x> GetYieldFromIter LoadConst(None) YieldFrom`.
//! * `for`: `<iter> GetIter; TOP: ForIter(END) <store> <body> Jump(TOP)`.
//! * `async for`: `<iter> GetAiter; TOP: SetupFinally(H) GetAnext
//!   GetAwaitable LoadConst(None) YieldFrom PopBlock <store> <body>
//!   Jump(TOP)`; `H: [aiter, exc] EndAsyncFor <else>` (EndAsyncFor pops
//!   both and leaves the except-handler block).
//! * Comprehensions: `MakeFunction(<listcomp> code) <first iterable>
//!   GetIter (GetAiter if async) CallFunction(1)`, then the await sequence
//!   for an async list/set/dict comprehension. Inside, `.0` (fast local 0)
//!   is the iterator; `ListAppend`/`SetAdd`/`MapAdd(d)` use `d` = number of
//!   `for` clauses + 1 (`MapAdd(d)`: [dict, (d-1 items), key, value]).
//! * `except*`: `H: [eg] Copy(1)` -> [orig, rest]; per handler:
//!   `<type> CheckEgMatch Copy(1) LoadConst(None) CompareOp(Is)
//!   PopJumpIfTrue(NOMATCH)` -> [.., rest, matched]; store/PopTop the match;
//!   `LoadConst(None) SetupFinally(R) <body> PopBlock (del name) Jump(NEXT)`;
//!   `R: [.., rest, None, raised] (del name) Swap(2) PopExcept Jump(NEXT)`
//!   (so the raised exception replaces the None slot); `NOMATCH:` the None
//!   match is the slot; `NEXT: Swap(2)` -> [.., slot, rest]. At the end
//!   [orig, slot1..slotN, rest] `PrepReraiseStar(N + 1) PopExcept Jump(END)`.
//! * Classes: `LoadBuildClass MakeFunction(body code) LoadConst(name)
//!   <bases> CallFunction(2 + n)` (CallFunctionKw / CallFunctionEx for
//!   keywords or starred bases). The body starts `LoadName(__name__)
//!   StoreName(__module__) LoadConst(qualname) StoreName(__qualname__)`
//!   and, when a method uses `super()`/`__class__`, ends
//!   `LoadClosure(0) StoreName(__classcell__)` (cellvar `__class__`) for
//!   `__build_class__` to fill with the new class; it returns None.
//! * Decorators are evaluated first, then defaults, then
//!   `MakeFunction` and one `CallFunction(1)` per decorator, innermost
//!   first (located at the decorator).

use crate::ast::{BinOp, Span};
use crate::value::Value;

/// Code object flags, with CPython's bit values so `co_flags` reads the same.
pub mod flags {
    pub const VARARGS: u32 = 0x04;
    pub const VARKEYWORDS: u32 = 0x08;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const COROUTINE: u32 = 0x80;
    pub const ASYNC_GENERATOR: u32 = 0x200;
}

/// What the compiler produces for one function, class body, comprehension
/// or module.
#[derive(Debug)]
pub struct CodeObject {
    /// `<module>`, `f`, `<lambda>`, `<listcomp>`, `<genexpr>`, class name.
    pub name: String,
    /// `Outer.method.<locals>.inner`, as CPython computes `__qualname__`.
    pub qualname: String,
    pub filename: std::rc::Rc<str>,
    pub flags: u32,
    /// Positional parameters, including positional-only ones.
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// Fast locals; parameters first, in order: positional, keyword-only,
    /// `*args`, `**kwargs`.
    pub varnames: Vec<String>,
    /// Variables of this scope captured by inner scopes (stored in cells).
    pub cellvars: Vec<String>,
    /// For each cellvar that is also a parameter: (cell index, varnames index),
    /// so the VM moves the argument into its cell on entry.
    pub cell_params: Vec<(u32, u32)>,
    /// Variables of enclosing scopes this code reads through cells. Deref
    /// indices count cellvars first, then freevars.
    pub freevars: Vec<String>,
    /// Global, attribute and imported names referred to by index (shared
    /// with instance dicts' keys, so looking one up clones no text).
    pub names: Vec<std::rc::Rc<str>>,
    pub constants: Vec<Value>,
    pub instructions: Vec<Instr>,
    /// One per instruction: where it came from.
    pub locations: Vec<Location>,
    pub firstlineno: u32,
    /// The span of the whole `def`/`class`/module, for `defined at` reprs.
    pub span: Span,
    /// The first constant is the docstring when this is true.
    pub has_docstring: bool,
}

/// The source range an instruction came from. `anchor`, when set, is the
/// part CPython 3.11 marks with `^` inside a `~` range (binary operators:
/// the gap between the operands holding the operator; subscripts: from the
/// end of the value to the closing bracket).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Location {
    pub span: Span,
    pub anchor: Option<Span>,
}

/// Which of the three `raise` forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RaiseKind {
    /// Bare `raise`: re-raise the exception being handled.
    Reraise,
    /// `raise exc`: [exc] -> raises.
    Raise,
    /// `raise exc from cause`: [exc, cause] -> raises.
    RaiseFrom,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryKind {
    Not,
    Neg,
    Pos,
    Invert,
}

/// Comparisons, including identity and membership.
pub use crate::ast::CmpOp;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Instr {
    Nop,
    /// [a] -> []
    PopTop,
    /// Push a copy of the n-th item (1 = top): [.. x ..] -> [.. x .., x]
    Copy(u32),
    /// Swap the top with the n-th item (n >= 2).
    Swap(u32),

    /// [] -> [constants[i]]
    LoadConst(u32),
    /// Fast locals by index in `varnames`. Loading an unbound one raises
    /// UnboundLocalError.
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// Cells by deref index (cellvars, then freevars). Unbound: NameError
    /// "free variable 'x' referenced before assignment ..." / UnboundLocalError.
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Push the cell object itself (to build a closure tuple).
    LoadClosure(u32),
    /// In a class body: look the name up in the class namespace first,
    /// then in the cell (deref index).
    LoadClassDeref(u32),
    /// Globals then builtins, by `names` index.
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Module and class bodies: the local namespace, then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),

    /// [obj] -> [obj.name]
    LoadAttr(u32),
    /// [value, obj] -> []   (obj.name = value)
    StoreAttr(u32),
    /// [obj] -> []
    DeleteAttr(u32),
    /// [container, index] -> [container[index]]
    BinarySubscr,
    /// [value, container, index] -> []
    StoreSubscr,
    /// [container, index] -> []
    DeleteSubscr,

    /// [a, b] -> [a op b]
    BinaryOp(BinOp),
    /// [a, b] -> [a op= b] (tries `__iop__` first)
    InplaceOp(BinOp),
    /// [a] -> [op a]
    UnaryOp(UnaryKind),
    /// [a, b] -> [a cmp b]
    CompareOp(CmpOp),

    /// Unconditional jump to an instruction index.
    Jump(u32),
    /// [cond] -> []
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    /// [cond] -> [cond] and jump, or [] and fall through (for `and`/`or`).
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),

    /// [iterable] -> [iterator]
    GetIter,
    /// [iterator] -> [iterator, next] ; when exhausted: [] and jump.
    ForIter(u32),

    /// [x1..xn] -> [tuple]
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// [k1, v1, .. kn, vn] -> [dict]
    BuildMap(u32),
    /// [start, stop] -> [slice] (2) or [start, stop, step] -> [slice] (3)
    BuildSlice(u32),
    /// [s1..sn] -> [s1 + .. + sn] (f-string pieces, all str)
    BuildString(u32),
    /// Comprehension helpers: the container is `depth` items below the
    /// value. [container, .. (depth-1 items), value] -> [container, ..]
    ListAppend(u32),
    SetAdd(u32),
    /// [dict, .., key, value] -> [dict, ..]; the dict is `depth` items
    /// below the key (CPython's MAP_ADD).
    MapAdd(u32),
    /// [list, .., iterable] -> [list, ..] (starred items in displays)
    ListExtend(u32),
    SetUpdate(u32),
    /// [dict, .., mapping] -> [dict, ..] (`{**m}`)
    DictUpdate(u32),
    /// Like DictUpdate, but a repeated key is a TypeError
    /// "f() got multiple values for keyword argument 'x'" (for `f(**m)`).
    /// The function is `depth + 2` items below: [f, args, kwargs, .., mapping].
    DictMerge(u32),
    /// [list] -> [tuple]
    ListToTuple,

    /// [seq] -> [xn .. x1] (x1 on top), exactly n items or ValueError.
    UnpackSequence(u32),
    /// `a, *b, c = seq`: [seq] -> [c, b(list), a] with `before` items
    /// before the star and `after` after it.
    UnpackEx {
        before: u32,
        after: u32,
    },

    /// f-string field: [value] -> [str] or [value, spec] -> [str].
    FormatValue {
        conversion: Option<char>,
        has_spec: bool,
    },

    /// [f, a1..an] -> [result]
    CallFunction(u32),
    /// [f, a1..an, kwnames(tuple of str)] -> [result]; `argc` counts
    /// positional and keyword values, the last `len(kwnames)` are keywords.
    CallFunctionKw(u32),
    /// [f, args(tuple)] -> [result] or [f, args, kwargs(dict)] -> [result].
    CallFunctionEx {
        has_kwargs: bool,
    },
    /// `obj.name(a1..an)` with plain positional arguments, without
    /// allocating a bound method: [obj, a1..an] -> [result].
    /// Its location's `span` is the call (what CPython 3.11 underlines for
    /// errors raised by the call) and its `anchor` the `obj.name` part
    /// (what it underlines for an AttributeError from the lookup); the
    /// anchor is not a `~^` caret split here.
    CallMethod {
        name: u32,
        argc: u32,
    },

    /// Build a function from the code object on top.
    /// [defaults(tuple)?, kwdefaults(dict)?, closure(tuple of cells)?, code] -> [function]
    /// The qualname comes from the code object. Annotations are not kept.
    MakeFunction {
        defaults: bool,
        kwdefaults: bool,
        closure: bool,
    },
    /// [value] -> returns from the frame.
    ReturnValue,

    /// Generators: [value] -> suspends, yielding value; on resume the
    /// sent value is pushed.
    YieldValue,
    /// [iterable] -> [iterator] for `yield from` (a coroutine passes
    /// through unchanged only inside a coroutine-flagged code).
    GetYieldFromIter,
    /// [subiter, value] -> while the sub-iterator yields, the frame yields
    /// the same values and re-executes this instruction with the value
    /// sent in; when it returns: [result].
    YieldFrom,
    /// `await x`: [x] -> [iterator] (a coroutine, or `x.__await__()`);
    /// TypeError "object int can't be used in 'await' expression".
    GetAwaitable,
    /// `async for`: [aiterable] -> [aiterator]
    GetAiter,
    /// [aiterator] -> [aiterator, awaitable of __anext__()]
    GetAnext,
    /// At the handler of an `async for` loop (entered through SetupFinally):
    /// [aiterator, exc] -> [] and the except-handler block is left when exc
    /// is StopAsyncIteration (end of loop); otherwise exc is re-raised.
    EndAsyncFor,

    /// `import name` (dotted): [] -> [module]; `level` dots, `fromlist`
    /// decides whether the top package or the leaf is pushed.
    ImportName {
        name: u32,
        level: u32,
        from: bool,
    },
    /// [module] -> [module, module.name] (ImportError if missing)
    ImportFrom(u32),
    /// [module] -> [] : copies public names into the current namespace.
    ImportStar,

    /// Push a `try` block whose handler is at the given index. When an
    /// exception reaches it, the VM truncates the value stack to the level
    /// at setup, pushes an except-handler block (remembering the exception
    /// being handled before) and then the exception, and jumps.
    SetupFinally(u32),
    /// Pop the innermost block (normal exit from a try body).
    PopBlock,
    /// Leave an except-handler: pop its block, restore the previously
    /// handled exception and truncate the stack to the block's level.
    PopExcept,
    /// [exc, type] -> [exc, bool] : does exc match type (a class or tuple)?
    /// TypeError for non-exception classes, as CPython.
    CheckExcMatch,
    /// `except*`: [group, type] -> [rest, matched] split of an exception group
    /// (non-group exceptions are wrapped first); matched is None when empty.
    /// `rest` is None when everything matched, and a None group gives
    /// [None, None]. A non-None `matched` becomes the exception being
    /// handled (what a bare `raise` in the handler re-raises).
    CheckEgMatch,
    /// At the end of `except*` handlers: [orig, rest1..] -> raise what is left, if any.
    /// `PrepReraiseStar(n)` pops `orig` and the `n` items above it, each
    /// None or an exception (one per handler: what its body raised; the
    /// last: the unmatched rest). If all are None it pushes nothing and
    /// execution continues; otherwise it raises, as CPython's
    /// `_PyExc_PrepReraiseStar`, the re-raised parts of `orig` (keeping
    /// its structure) combined with the newly raised ones.
    PrepReraiseStar(u32),
    Raise(RaiseKind),
    /// [exc] -> re-raise exc keeping its traceback (end of finally or of an
    /// unmatched except chain).
    Reraise,

    /// `with`: [ctx] -> [bound __exit__, result of __enter__()]
    BeforeWith,
    /// `async with`: [ctx] -> [bound __aexit__, awaitable of __aenter__()]
    BeforeAsyncWith,
    /// Normal exit: [exit] -> [exit(None, None, None)]
    CallExit,
    /// Exceptional exit, inside the handler:
    /// [exit, exc] -> [exit, exc, exit(type(exc), exc, tb)]
    WithExceptStart,

    /// [] -> [__build_class__]
    LoadBuildClass,
    /// In a class body: [] -> [the namespace dict being built].
    LoadLocals,
    /// `assert` failure: [] -> [AssertionError class] (never shadowed).
    LoadAssertionError,
    /// Annotated assignment at module/class level records the annotation:
    /// [annotation] -> [] into `__annotations__[names[i]]`.
    StoreAnnotation(u32),
    /// Set up `__annotations__` in a class or module namespace.
    SetupAnnotations,
}
