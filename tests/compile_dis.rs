//! Disassembly snapshots of constructs whose bytecode is easy to get
//! subtly wrong: early exits through finally/except/with blocks, async
//! loops and context managers, except*, class cells, comprehensions.

use kairos::compile::{compile_module, disassemble_with_source};

fn parse(src: &str) -> Option<kairos::ast::Module> {
    kairos::syntax::parse_module(&kairos::source::SourceFile::new("t.py", src)).ok()
}

fn dis(src: &str) -> String {
    let module = parse(src).expect("parses");
    let code = compile_module(&module, "t.py", src).expect("compiles");
    disassemble_with_source(&code, src)
}

#[test]
fn loop_exits_through_try_blocks() {
    insta::assert_snapshot!(dis(
        "def f():\n    for x in y:\n        try:\n            if x: break\n            return g(x)\n        except E as e:\n            continue\n        finally:\n            cleanup()\n"
    ));
}

#[test]
fn return_inside_except_and_finally() {
    insta::assert_snapshot!(dis(
        "def f():\n    try:\n        return a()\n    except E:\n        return b()\n    finally:\n        return c()\n"
    ));
}

#[test]
fn async_with_for_and_fstring() {
    insta::assert_snapshot!(dis(
        "async def main():\n    async with lock as l:\n        async for x in gen():\n            print(f\"{x!r:>{w}} {x=}\")\n"
    ));
}

#[test]
fn except_star() {
    insta::assert_snapshot!(dis(
        "try:\n    f()\nexcept* ValueError as e:\n    g(e)\nexcept* TypeError:\n    h()\n"
    ));
}

#[test]
fn class_cell_and_closures() {
    insta::assert_snapshot!(dis(
        "def outer(v):\n    class C(B, metaclass=M):\n        x = v\n        def m(self):\n            return super().m() + [self.__x for _ in range(v)]\n    return C\n"
    ));
}

#[test]
fn comprehensions_and_conditions() {
    insta::assert_snapshot!(dis(
        "async def f(a, b):\n    xs = [y async for y in a if await y]\n    if not (a < b < 3 and b or xs):\n        return {k: v for k, v in b for _ in k}\n    return (z for z in a)\n"
    ));
}

#[test]
fn calls_with_unpacking() {
    insta::assert_snapshot!(dis(
        "f(a, *b, c, k=1, **d, j=2)\nobj.m(1, 2)\nobj.m(x=1)\nx = [*a, 1]\ny = {**m, 'k': 2}\na.b += 1\nc[d] //= 2\n"
    ));
}
