//! Snapshots of the syntax tree (with spans) for tricky inputs.

use kairos::source::SourceFile;
use kairos::syntax::parse_module;

/// One line per top-level statement: `Debug` of the node with its spans.
fn dump(src: &str) -> String {
    let module = parse_module(&SourceFile::new("t.py", src)).expect("parses");
    let mut out = String::new();
    for stmt in &module.body {
        out.push_str(&format!("{stmt:?}\n"));
    }
    out
}

macro_rules! snapshot {
    ($name:ident, $src:expr) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(stringify!($name), dump($src), $src);
        }
    };
}

snapshot!(
    precedence,
    "x = -a ** -b * c + d << 1 | e ^ f & g\ny = not a or b and c\n"
);
snapshot!(comparisons_chain, "a < b <= c is not d not in e\n");
snapshot!(
    if_expression_and_lambda,
    "f = lambda a, /, b=1, *c, d, **e: a if b else c\n"
);
snapshot!(
    walrus_and_comprehensions,
    "if (n := len(a)) > 1:\n    y = [i * j for i in a if i for j in b]\n"
);
snapshot!(
    dict_set_displays,
    "d = {**a, 'k': 1}\ns = {*a, 2}\nc = {k: v for k, v in x}\n"
);
snapshot!(calls, "f(a, *b, c=1, **d)\ng(x for x in y)\n");
snapshot!(subscripts_and_slices, "a[1:2, ::3]\na[:]\na[i][j].k\n");
snapshot!(tuple_targets, "a, b = b, a\nx = y = 1, 2,\n[p, *q] = r\n");
snapshot!(aug_and_ann_assign, "x += 1\ny: int = 2\nz: list\n");
snapshot!(
    imports,
    "import a.b as c, d\nfrom .. import x\nfrom .m import (y as z, w,)\nfrom n import *\n"
);
snapshot!(
    functions,
    "@dec\nasync def f(a: int, b=2, *args, c, d=4, **kw) -> None:\n    await g()\n    return\n"
);
snapshot!(
    classes,
    "@dataclass\nclass P(Base, metaclass=M):\n    x: int = 0\n    def m(self): pass\n"
);
snapshot!(
    try_statements,
    "try:\n    pass\nexcept (A, B) as e:\n    raise C from e\nelse:\n    pass\nfinally:\n    pass\ntry:\n    pass\nexcept* E:\n    pass\n"
);
snapshot!(
    with_statements,
    "with a as b, c:\n    pass\nwith (open(x) as f, open(y) as g):\n    pass\nasync def h():\n    async with l:\n        async for i in it:\n            pass\n"
);
snapshot!(
    loops,
    "for i, j in pairs:\n    continue\nelse:\n    pass\nwhile x:\n    break\n"
);
snapshot!(
    strings,
    "a = 'x' \"y\"\nb = rb'\\n' b'\\x41'\nc = '\\u00e9\\N{EM DASH}\\101'\nd = \"\"\"l1\nl2\"\"\"\n"
);
snapshot!(
    fstrings,
    "s = f\"{x!r:>{w}} {y=} {z = :.2f} {{lit}}\" 'tail'\n"
);
snapshot!(
    numbers,
    "n = 0xff + 0o17 + 0b101 + 1_000 + 1_000.5 + .5e-3 + 99999999999999999999999\n"
);
snapshot!(
    generators,
    "def g():\n    x = yield 1\n    yield from h()\n    yield\n"
);
snapshot!(
    soft_keywords,
    "match = 1\ncase = match\nprint(match, case)\n"
);
snapshot!(
    layout,
    "if a:\n    b = (1,\n         2)\n\n    # comment\n    c = 3 \\\n        + 4\nelif d:\n    pass\nelse:\n    pass\n"
);
snapshot!(
    del_global_assert,
    "def f():\n    global g\n    nonlocal h\n    del a[0], b.c\n    assert x, 'm'\n"
);
