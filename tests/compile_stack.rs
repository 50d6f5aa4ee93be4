//! Stack-consistency checker: simulates every instruction's stack effect
//! (per the bytecode contract) along all paths, including exception
//! handler entries, and requires that all paths agree on the stack depth
//! and block stack at every instruction, that nothing underflows, and that
//! every `ReturnValue` leaves exactly one value and no open blocks.

use kairos::bytecode::{CodeObject, Instr};
use kairos::compile::compile_module;
use kairos::value::Value;

fn parse(src: &str) -> Option<kairos::ast::Module> {
    kairos::syntax::parse_module(&kairos::source::SourceFile::new("t.py", src)).ok()
}

#[derive(Clone, Debug, PartialEq)]
enum Block {
    Finally { level: i32 },
    Handler { level: i32 },
}

#[derive(Clone, Debug, PartialEq)]
struct State {
    depth: i32,
    blocks: Vec<Block>,
}

fn check_code(code: &CodeObject) -> Result<(), String> {
    let n = code.instructions.len();
    if code.locations.len() != n {
        return Err(format!(
            "{}: {} locations for {} instructions",
            code.qualname,
            code.locations.len(),
            n
        ));
    }
    let mut seen: Vec<Option<State>> = vec![None; n];
    let mut work = vec![(
        0usize,
        State {
            depth: 0,
            blocks: vec![],
        },
    )];
    while let Some((pc, st)) = work.pop() {
        let here = || format!("{} @{}", code.qualname, pc);
        if pc >= n {
            return Err(format!("{}: falls off the end", here()));
        }
        if st.depth < 0 {
            return Err(format!("{}: negative depth", here()));
        }
        match &seen[pc] {
            Some(prev) if *prev == st => continue,
            Some(prev) => {
                return Err(format!(
                    "{}: inconsistent state {:?} vs {:?} at {:?}",
                    here(),
                    prev,
                    st,
                    code.instructions[pc]
                ))
            }
            None => seen[pc] = Some(st.clone()),
        }
        let instr = code.instructions[pc];
        let need = |k: i32| -> Result<(), String> {
            if st.depth < k {
                Err(format!(
                    "{}: {:?} needs {} items, has {}",
                    here(),
                    instr,
                    k,
                    st.depth
                ))
            } else {
                Ok(())
            }
        };
        let next = |d: i32| {
            (
                pc + 1,
                State {
                    depth: st.depth + d,
                    blocks: st.blocks.clone(),
                },
            )
        };
        let to = |t: u32, d: i32| {
            (
                t as usize,
                State {
                    depth: st.depth + d,
                    blocks: st.blocks.clone(),
                },
            )
        };
        use Instr::*;
        let simple = |pops: i32, pushes: i32| -> Result<Vec<(usize, State)>, String> {
            need(pops)?;
            Ok(vec![next(pushes - pops)])
        };
        let succ: Vec<(usize, State)> = match instr {
            Nop | SetupAnnotations => simple(0, 0)?,
            PopTop => simple(1, 0)?,
            Copy(k) => simple(k as i32, k as i32 + 1)?,
            Swap(k) => simple(k as i32, k as i32)?,
            LoadConst(_)
            | LoadFast(_)
            | LoadDeref(_)
            | LoadClosure(_)
            | LoadClassDeref(_)
            | LoadGlobal(_)
            | LoadName(_)
            | LoadBuildClass
            | LoadLocals
            | LoadAssertionError
            | ImportName { .. } => simple(0, 1)?,
            StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) | StoreAnnotation(_)
            | ImportStar => simple(1, 0)?,
            DeleteFast(_) | DeleteDeref(_) | DeleteGlobal(_) | DeleteName(_) => simple(0, 0)?,
            LoadAttr(_) | UnaryOp(_) | GetIter | ListToTuple | YieldValue | GetYieldFromIter
            | GetAwaitable | GetAiter => simple(1, 1)?,
            StoreAttr(_) => simple(2, 0)?,
            DeleteAttr(_) => simple(1, 0)?,
            BinarySubscr | BinaryOp(_) | InplaceOp(_) | CompareOp(_) => simple(2, 1)?,
            StoreSubscr => simple(3, 0)?,
            DeleteSubscr => simple(2, 0)?,
            Jump(t) => vec![to(t, 0)],
            PopJumpIfFalse(t) | PopJumpIfTrue(t) => {
                need(1)?;
                vec![next(-1), to(t, -1)]
            }
            JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t) => {
                need(1)?;
                vec![next(-1), to(t, 0)]
            }
            ForIter(t) => {
                need(1)?;
                vec![next(1), to(t, -1)]
            }
            BuildTuple(k) | BuildList(k) | BuildSet(k) | BuildString(k) | BuildSlice(k) => {
                simple(k as i32, 1)?
            }
            BuildMap(k) => simple(2 * k as i32, 1)?,
            ListAppend(k) | SetAdd(k) | ListExtend(k) | SetUpdate(k) | DictUpdate(k) => {
                simple(k as i32 + 1, k as i32)?
            }
            DictMerge(k) => simple(k as i32 + 3, k as i32 + 2)?,
            MapAdd(k) => simple(k as i32 + 2, k as i32)?,
            UnpackSequence(k) => simple(1, k as i32)?,
            UnpackEx { before, after } => simple(1, (before + after + 1) as i32)?,
            FormatValue { has_spec, .. } => simple(1 + has_spec as i32, 1)?,
            CallFunction(k) => simple(k as i32 + 1, 1)?,
            CallFunctionKw(k) => simple(k as i32 + 2, 1)?,
            CallFunctionEx { has_kwargs } => simple(2 + has_kwargs as i32, 1)?,
            CallMethod { argc, .. } => simple(argc as i32 + 1, 1)?,
            MakeFunction {
                defaults,
                kwdefaults,
                closure,
            } => simple(1 + defaults as i32 + kwdefaults as i32 + closure as i32, 1)?,
            ReturnValue => {
                if st.depth != 1 || !st.blocks.is_empty() {
                    return Err(format!(
                        "{}: return with depth {} blocks {:?}",
                        here(),
                        st.depth,
                        st.blocks
                    ));
                }
                vec![]
            }
            YieldFrom => simple(2, 1)?,
            GetAnext => simple(1, 2)?,
            EndAsyncFor => {
                need(2)?;
                let mut s = next(-2);
                match s.1.blocks.pop() {
                    Some(Block::Handler { level }) if level == st.depth - 1 => {}
                    b => return Err(format!("{}: EndAsyncFor with block {:?}", here(), b)),
                }
                vec![s]
            }
            ImportFrom(_) => simple(1, 2)?,
            SetupFinally(h) => {
                let mut body = next(0);
                body.1.blocks.push(Block::Finally { level: st.depth });
                let mut handler = to(h, 1);
                handler.1.blocks.push(Block::Handler { level: st.depth });
                vec![body, handler]
            }
            PopBlock => {
                let mut s = next(0);
                match s.1.blocks.pop() {
                    Some(Block::Finally { .. }) => {}
                    b => return Err(format!("{}: PopBlock of {:?}", here(), b)),
                }
                vec![s]
            }
            PopExcept => {
                let mut s = next(0);
                match s.1.blocks.pop() {
                    Some(Block::Handler { level }) if level <= st.depth => s.1.depth = level,
                    b => {
                        return Err(format!(
                            "{}: PopExcept of {:?} at depth {}",
                            here(),
                            b,
                            st.depth
                        ))
                    }
                }
                vec![s]
            }
            CheckExcMatch | CheckEgMatch => simple(2, 2)?,
            PrepReraiseStar(k) => simple(k as i32 + 1, 0)?,
            Raise(kind) => {
                let k = match kind {
                    kairos::bytecode::RaiseKind::Reraise => 0,
                    kairos::bytecode::RaiseKind::Raise => 1,
                    kairos::bytecode::RaiseKind::RaiseFrom => 2,
                };
                need(k)?;
                vec![]
            }
            Reraise => {
                need(1)?;
                vec![]
            }
            BeforeWith | BeforeAsyncWith => simple(1, 2)?,
            CallExit => simple(1, 1)?,
            WithExceptStart => simple(2, 3)?,
        };
        for s in succ {
            if s.0 >= n {
                return Err(format!("{}: jump out of range to {}", here(), s.0));
            }
            work.push(s);
        }
    }
    for c in &code.constants {
        if let Value::Code(inner) = c {
            check_code(inner)?;
        }
    }
    Ok(())
}

fn check(src: &str) {
    let module = parse(src).unwrap_or_else(|| panic!("the parser rejects:\n{src}"));
    let code = compile_module(&module, "t.py", src)
        .unwrap_or_else(|e| panic!("compile error {e:?} in:\n{src}"));
    if let Err(e) = check_code(&code) {
        panic!(
            "{e}\nin:\n{src}\n{}",
            kairos::compile::disassemble_with_source(&code, src)
        );
    }
}

const SNIPPETS: &[&str] = &[
    "x = 1\nprint(x + 2 * 3)\n",
    "a, b = b, a\na, *b, c = range(5)\n[x, y] = 1, 2\n",
    "x = y = z = f()\n",
    "del a, b.c, d[e], (f, g)\n",
    "a.b += 1\nc[d] -= 2\ne **= 3\n",
    "if a: b()\nelif c: d()\nelse: e()\n",
    "if not (a and b or c): pass\n",
    "x = a if b else c\n",
    "x = a < b < c <= d\ny = a == b\n",
    "x = a and b and c or d\n",
    "while x:\n    if y: break\n    if z: continue\nelse:\n    w()\n",
    "while True:\n    x += 1\n    if x > 3: break\n",
    "for i in range(3):\n    if i: continue\n    if i > 1: break\nelse:\n    done()\n",
    "for i, (a, b) in enumerate(pairs):\n    for j in b:\n        if j: break\n    else:\n        continue\n",
    "try:\n    a()\nexcept ValueError:\n    b()\nexcept (TypeError, KeyError) as e:\n    c(e)\nexcept:\n    d()\nelse:\n    f()\nfinally:\n    g()\n",
    "try:\n    a()\nfinally:\n    b()\n",
    "try:\n    a()\nexcept E as e:\n    raise X from e\n",
    "try:\n    a()\nexcept:\n    raise\n",
    "def f():\n    try:\n        return 1\n    finally:\n        print(2)\n",
    "def f():\n    try:\n        return g()\n    except E as e:\n        return e\n    finally:\n        return 3\n",
    "def f():\n    for x in y:\n        try:\n            if x: break\n            if y: continue\n            return x\n        finally:\n            cleanup()\n",
    "def f():\n    for x in y:\n        try:\n            pass\n        except E:\n            break\n        except F as e:\n            continue\n        finally:\n            return 5\n",
    "def f():\n    while 1:\n        try:\n            try:\n                return 1\n            finally:\n                break\n        finally:\n            continue\n",
    "def f():\n    try:\n        pass\n    finally:\n        for x in y:\n            return x\n",
    "def f():\n    try:\n        1/0\n    except:\n        try:\n            return 2\n        except E as e:\n            return e\n",
    "def f():\n    with a as b, c as (d, e):\n        return b\n",
    "def f():\n    for x in y:\n        with a:\n            if x: break\n            if y: continue\n            return 1\n",
    "with open(f) as g:\n    g.read()\n",
    "async def f():\n    async with a as b:\n        await b\n        return 1\n",
    "async def f():\n    async for x in aiter():\n        if x: break\n        if y: continue\n        return x\n    else:\n        pass\n",
    "async def f():\n    async with a:\n        async for x in b:\n            try:\n                await x\n            finally:\n                return 1\n",
    "async def f():\n    return [x async for x in g() if await x]\n",
    "async def f():\n    return {k: v async for k, v in g() for z in k}\n",
    "async def f():\n    x = (y async for y in g())\n    return [await z for z in w]\n",
    "x = [i * j for i in range(3) for j in range(i) if j if i]\n",
    "x = {i for i in y}\ny = {k: v for k, v in items}\nz = (a for a in b)\n",
    "def f(a, b=1, *args, c, d=2, **kw):\n    return a, b, args, c, d, kw\n",
    "def f(a, /, b):\n    pass\n",
    "lambda x, y=2: x + y\n",
    "def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        x += 1\n        return x\n    return inner\n",
    "def outer():\n    x = 1\n    class C:\n        y = x\n        def m(self):\n            return x\n    return C\n",
    "class C(Base, metaclass=M):\n    '''doc'''\n    x: int = 3\n    y: str\n    def __init__(self):\n        super().__init__()\n        self.__p = 1\n    @property\n    def p(self):\n        return self.__p\n",
    "@dec1\n@dec2(arg)\ndef f():\n    pass\n",
    "@dataclass\nclass P:\n    x: int\n    y: int = 0\n",
    "f(*args)\nf(a, *b, c, **d)\nf(**k)\nf(a=1, **k, b=2)\nf(x, y=1)\nobj.m(1, 2)\nobj.m(k=1)\nobj.m(*a)\n",
    "x = [1, *a, 2]\ny = (*a, *b)\nz = {*a, 1}\nw = {**a, 'b': 1, **c}\n",
    "x = f'{a} and {b!r:>{w}} {c=}'\n",
    "x = a[1:2, ::3]\na[b:c] = d\ndel a[::2]\n",
    "import os, os.path as p, a.b.c\nfrom x import y as z, w\nfrom . import m\nfrom ..pkg import *\n",
    "assert x, 'msg'\nassert y\n",
    "global g\ng = 1\n",
    "def gen():\n    x = yield 1\n    yield from range(x)\n    return 2\n",
    "async def f():\n    await g()\n    async def h():\n        yield 1\n    return 1\n",
    "if (n := len(a)) > 10:\n    print(n)\n",
    "def f():\n    return [y := x for x in z]\n",
    "try:\n    f()\nexcept* ValueError as e:\n    g(e)\nexcept* TypeError:\n    h()\n",
    "try:\n    f()\nexcept* ValueError:\n    pass\nelse:\n    x()\nfinally:\n    y()\n",
    "def f():\n    try:\n        pass\n    finally:\n        try:\n            return 1\n        finally:\n            return 2\n",
    "class A:\n    class B:\n        def m(self):\n            return __class__\n",
    "def f():\n    def g():\n        return super()\n",
    "x = not a\ny = -a\nz = ~a\nw = +a\n",
    "x = b'abc'\ny = 1.5\nz = 10**100\nw = ...\nv = None\nu = True\n",
    "def f():\n    '''doc'''\n    return 1\n",
    "def f():\n    x: int = 1\n    y: str\n    return x\n",
    "while a:\n    try:\n        continue\n    finally:\n        pass\n",
    "for x in y:\n    try:\n        pass\n    except E as e:\n        break\n",
    "def f(x):\n    try:\n        pass\n    except E as e:\n        def g():\n            return e\n",
    "class C:\n    x = 1\n    y = [x for _ in range(3)]\n",
    "def f():\n    with a:\n        with b:\n            try:\n                return 1\n            except:\n                return 2\n",
    "async def f():\n    async with a as x, b as y:\n        pass\n",
    "x = lambda: (yield)\n",
    "def f(*, a=1, b): pass\n",
    "print(*[1], sep='')\n",
    "class C(*bases, **kw): pass\n",
    "a = b = c\n(a.b).c = 1\n",
    "if __name__ == '__main__':\n    main()\n",
    "from __future__ import annotations\nclass C:\n    x: C\ndef f(a: C) -> C: pass\n",
    "import asyncio\nfrom dataclasses import dataclass, field\n\n@dataclass\nclass Job:\n    name: str\n    delay: float = 1.0\n    tags: list = field(default_factory=list)\n\nasync def worker(name, queue, results):\n    while True:\n        job = await queue.get()\n        try:\n            await asyncio.sleep(job.delay)\n            results.append(f\"{name}:{job.name}:{job.delay:.2f}\")\n        except asyncio.CancelledError:\n            print(f\"{name} cancelled\")\n            raise\n        finally:\n            queue.task_done()\n\nasync def main():\n    queue = asyncio.Queue()\n    results = []\n    for i, d in enumerate([0.5, 1, 2]):\n        queue.put_nowait(Job(f\"job{i}\", d))\n    tasks = [asyncio.create_task(worker(f\"w{n}\", queue, results)) for n in range(2)]\n    await queue.join()\n    for t in tasks:\n        t.cancel()\n    outcome = await asyncio.gather(*tasks, return_exceptions=True)\n    print(sorted(results), [type(o).__name__ for o in outcome])\n    async with asyncio.timeout(5):\n        await asyncio.sleep(1)\n    try:\n        async with asyncio.TaskGroup() as tg:\n            tg.create_task(asyncio.sleep(1))\n    except* ValueError as eg:\n        print(eg.exceptions)\n\nif __name__ == \"__main__\":\n    asyncio.run(main())\n",
    "async def f():\n    for x in y:\n        async with a() as b:\n            try:\n                await b\n            except E as e:\n                with c:\n                    if e: return e\n                    break\n            finally:\n                continue\n",
    "def g():\n    try:\n        yield 1\n    finally:\n        yield 2\n    return (yield from h())\n",
    "class Meta(type):\n    def __new__(mcs, name, bases, ns, **kw):\n        return super().__new__(mcs, name, bases, ns)\nclass A(metaclass=Meta, flag=True):\n    __slots__ = ('x',)\n    def __init_subclass__(cls, **kw):\n        super().__init_subclass__()\n",
    "def f(n):\n    return sum(i * i for i in range(n) if i % 2) + max((x for x in [1, 2]), default=0)\n",
    "x = {'a': [1, 2, {'b': (3, 4)}], **{'c': 5}}\ny = x['a'][2]['b'][1:]\nz = [*x, *y]\n",
    "def f(a, b):\n    a, b = b, a\n    (a, b), c = (1, 2), 3\n    [a, [b, c]] = [1, [2, 3]]\n    a.x, b[0] = 1, 2\n    return a\n",
    "def f():\n    try:\n        pass\n    except (A, B):\n        pass\n    except C as c:\n        try:\n            raise\n        except D as c:\n            pass\n",
    "while x:\n    while y:\n        try:\n            break\n        finally:\n            continue\n    else:\n        break\n",
];

#[test]
fn every_snippet_has_consistent_stacks() {
    for src in SNIPPETS {
        check(src);
    }
}
