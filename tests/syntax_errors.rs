//! SyntaxError texts, each verified against CPython 3.11 running the
//! source as a script (`python3 x.py`; the stderr from `File` on).

use kairos::source::SourceFile;
use kairos::syntax::parse_module;

fn render(src: &str) -> String {
    let source = SourceFile::new("x.py", src);
    match parse_module(&source) {
        Ok(_) => "parsed".to_owned(),
        Err(e) => e.render(&source),
    }
}

/// (source, CPython's stderr)
const CASES: &[(&str, &str)] = &[
    (
        r#"x = (1,
y = 2
"#,
        r#"  File "x.py", line 1
    x = (1,
        ^
SyntaxError: '(' was never closed
"#,
    ),
    (
        r#"if x
  pass
"#,
        r#"  File "x.py", line 1
    if x
        ^
SyntaxError: expected ':'
"#,
    ),
    (
        r#"print "hi"
"#,
        r#"  File "x.py", line 1
    print "hi"
    ^^^^^^^^^^
SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?
"#,
    ),
    (
        r#"f() = 1
"#,
        r#"  File "x.py", line 1
    f() = 1
    ^^^
SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
"#,
    ),
    (
        r#"x = 1abc
"#,
        r#"  File "x.py", line 1
    x = 1abc
        ^
SyntaxError: invalid decimal literal
"#,
    ),
    (
        r#"[a b]
"#,
        r#"  File "x.py", line 1
    [a b]
     ^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"#,
    ),
    (
        r#"f(a b c)
"#,
        r#"  File "x.py", line 1
    f(a b c)
      ^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"#,
    ),
    (
        r#"x = 'abc
"#,
        r#"  File "x.py", line 1
    x = 'abc
        ^
SyntaxError: unterminated string literal (detected at line 1)
"#,
    ),
    (
        r#"x = """abc

"#,
        r#"  File "x.py", line 1
    x = """abc
        ^
SyntaxError: unterminated triple-quoted string literal (detected at line 2)
"#,
    ),
    (
        r#"if x:
pass
"#,
        r#"  File "x.py", line 2
    pass
    ^
IndentationError: expected an indented block after 'if' statement on line 1
"#,
    ),
    (
        r#"def f():
return
"#,
        r#"  File "x.py", line 2
    return
    ^
IndentationError: expected an indented block after function definition on line 1
"#,
    ),
    (
        r#" x=1
"#,
        r#"  File "x.py", line 1
    x=1
IndentationError: unexpected indent
"#,
    ),
    (
        r#"if x:
    a
  b
"#,
        r#"  File "x.py", line 3
    b
     ^
IndentationError: unindent does not match any outer indentation level
"#,
    ),
    (
        r#"a )
"#,
        r#"  File "x.py", line 1
    a )
      ^
SyntaxError: unmatched ')'
"#,
    ),
    (
        r#"(a ]
"#,
        r#"  File "x.py", line 1
    (a ]
       ^
SyntaxError: closing parenthesis ']' does not match opening parenthesis '('
"#,
    ),
    (
        r#"f(a=1, b)
"#,
        r#"  File "x.py", line 1
    f(a=1, b)
            ^
SyntaxError: positional argument follows keyword argument
"#,
    ),
    (
        r#"def f(a=1, b): pass
"#,
        r#"  File "x.py", line 1
    def f(a=1, b): pass
               ^
SyntaxError: non-default argument follows default argument
"#,
    ),
    (
        r#"(a, b) += 1
"#,
        r#"  File "x.py", line 1
    (a, b) += 1
    ^^^^^^
SyntaxError: 'tuple' is an illegal expression for augmented assignment
"#,
    ),
    (
        r#"del f()
"#,
        r#"  File "x.py", line 1
    del f()
        ^^^
SyntaxError: cannot delete function call
"#,
    ),
    (
        r#"a + 1 = 2
"#,
        r#"  File "x.py", line 1
    a + 1 = 2
    ^^^^^
SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='?
"#,
    ),
    (
        r#"1 = x
"#,
        r#"  File "x.py", line 1
    1 = x
    ^
SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?
"#,
    ),
    (
        r#"x = 1 +
"#,
        r#"  File "x.py", line 1
    x = 1 +
           ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = $
"#,
        r#"  File "x.py", line 1
    x = $
        ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = a → b
"#,
        r#"  File "x.py", line 1
    x = a → b
          ^
SyntaxError: invalid character '→' (U+2192)
"#,
    ),
    (
        r#"x = "a" b"b"
"#,
        r#"  File "x.py", line 1
    x = "a" b"b"
                ^
SyntaxError: cannot mix bytes and nonbytes literals
"#,
    ),
    (
        r#"x = f(1,
  2) = 3
"#,
        r#"  File "x.py", line 1
    x = f(1,
        ^^^^
SyntaxError: cannot assign to function call
"#,
    ),
    (
        r#"x = (1 +
2) = 3
"#,
        r#"  File "x.py", line 1
    x = (1 +
         ^^^
SyntaxError: cannot assign to expression
"#,
    ),
    (
        r#"if x:
	pass
        pass
"#,
        r#"  File "x.py", line 3
    pass
TabError: inconsistent use of tabs and spaces in indentation
"#,
    ),
    (
        r#"x = 0x1g
"#,
        r#"  File "x.py", line 1
    x = 0x1g
          ^
SyntaxError: invalid hexadecimal literal
"#,
    ),
    (
        r#"x = 1_000_
"#,
        r#"  File "x.py", line 1
    x = 1_000_
             ^
SyntaxError: invalid decimal literal
"#,
    ),
    (
        r#"x = 1__0
"#,
        r#"  File "x.py", line 1
    x = 1__0
         ^
SyntaxError: invalid decimal literal
"#,
    ),
    (
        r#"x = 0b102
"#,
        r#"  File "x.py", line 1
    x = 0b102
            ^
SyntaxError: invalid digit '2' in binary literal
"#,
    ),
    (
        r#"x = 012
"#,
        r#"  File "x.py", line 1
    x = 012
        ^
SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers
"#,
    ),
    (
        r#"x = 1.5abc
"#,
        r#"  File "x.py", line 1
    x = 1.5abc
          ^
SyntaxError: invalid decimal literal
"#,
    ),
    (
        r#"x = 1e5x
"#,
        r#"  File "x.py", line 1
    x = 1e5x
          ^
SyntaxError: invalid decimal literal
"#,
    ),
    (
        r#"x = 1e
"#,
        r#"  File "x.py", line 1
    x = 1e
        ^
SyntaxError: invalid decimal literal
"#,
    ),
    (
        r#"x = 0o8
"#,
        r#"  File "x.py", line 1
    x = 0o8
          ^
SyntaxError: invalid digit '8' in octal literal
"#,
    ),
    (
        r#"x = 0012
"#,
        r#"  File "x.py", line 1
    x = 0012
        ^^
SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers
"#,
    ),
    (
        r#"x = 1 \ 2
"#,
        r#"  File "x.py", line 1
    x = 1 \ 2
           ^
SyntaxError: unexpected character after line continuation character
"#,
    ),
    (
        r#"x = b'é'
"#,
        r#"  File "x.py", line 1
    x = b'é'
        ^^^^^
SyntaxError: bytes can only contain ASCII literal characters
"#,
    ),
    (
        r#"x = '\x4'
"#,
        r#"  File "x.py", line 1
    x = '\x4'
             ^
SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \xXX escape
"#,
    ),
    (
        r#"x = b'\x4'
"#,
        r#"  File "x.py", line 1
    x = b'\x4'
              ^
SyntaxError: (value error) invalid \x escape at position 0
"#,
    ),
    (
        r#"x = 1 <> 2
"#,
        r#"  File "x.py", line 1
    x = 1 <> 2
          ^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = a!b
"#,
        r#"  File "x.py", line 1
    x = a!b
         ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = ?
"#,
        r#"  File "x.py", line 1
    x = ?
        ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = f"{}"
"#,
        r#"  File "x.py", line 1
    x = f"{}"
             ^
SyntaxError: f-string: empty expression not allowed
"#,
    ),
    (
        r#"x = f"{a"
"#,
        r#"  File "x.py", line 1
    x = f"{a"
             ^
SyntaxError: f-string: expecting '}'
"#,
    ),
    (
        r#"x = f"{a!x}"
"#,
        r#"  File "x.py", line 1
    x = f"{a!x}"
                ^
SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'
"#,
    ),
    (
        r#"x = f"}"
"#,
        r#"  File "x.py", line 1
    x = f"}"
            ^
SyntaxError: f-string: single '}' is not allowed
"#,
    ),
    (
        r#"x = f"{a)}"
"#,
        r#"  File "x.py", line 1
    x = f"{a)}"
               ^
SyntaxError: f-string: unmatched ')'
"#,
    ),
    (
        r#"x = f"{a:{b:{c}}}"
"#,
        r#"  File "x.py", line 1
    x = f"{a:{b:{c}}}"
                      ^
SyntaxError: f-string: expressions nested too deeply
"#,
    ),
    (
        r#"x = f"{\"a\"}"
"#,
        r#"  File "x.py", line 1
    x = f"{\"a\"}"
                  ^
SyntaxError: f-string expression part cannot include a backslash
"#,
    ),
    (
        r#"x = f"{a = b}"
"#,
        r#"  File "x.py", line 1
    x = f"{a = b}"
                  ^
SyntaxError: f-string: expecting '}'
"#,
    ),
    (
        r#"x = (1,
  2]
"#,
        r#"  File "x.py", line 2
    2]
     ^
SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1
"#,
    ),
    (
        r#"x = f"{a!}"
"#,
        r#"  File "x.py", line 1
    x = f"{a!}"
               ^
SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'
"#,
    ),
    (
        r#"x = f"{#}"
"#,
        r#"  File "x.py", line 1
    x = f"{#}"
              ^
SyntaxError: f-string expression part cannot include '#'
"#,
    ),
    (
        r#"x = f'{'a'}'
"#,
        r#"  File "x.py", line 1
    x = f'{'a'}'
            ^
SyntaxError: f-string: expecting '}'
"#,
    ),
    (
        r#"def f(abc=1, bcd): pass
"#,
        r#"  File "x.py", line 1
    def f(abc=1, bcd): pass
                 ^^^
SyntaxError: non-default argument follows default argument
"#,
    ),
    (
        r#"def f(*): pass
"#,
        r#"  File "x.py", line 1
    def f(*): pass
          ^
SyntaxError: named arguments must follow bare *
"#,
    ),
    (
        r#"def f(*, **k): pass
"#,
        r#"  File "x.py", line 1
    def f(*, **k): pass
          ^
SyntaxError: named arguments must follow bare *
"#,
    ),
    (
        r#"def f(/, a): pass
"#,
        r#"  File "x.py", line 1
    def f(/, a): pass
          ^
SyntaxError: at least one argument must precede /
"#,
    ),
    (
        r#"def f(a, /, b, /): pass
"#,
        r#"  File "x.py", line 1
    def f(a, /, b, /): pass
                   ^
SyntaxError: / may appear only once
"#,
    ),
    (
        r#"def f(*a, /): pass
"#,
        r#"  File "x.py", line 1
    def f(*a, /): pass
              ^
SyntaxError: / must be ahead of *
"#,
    ),
    (
        r#"def f(*a, *b): pass
"#,
        r#"  File "x.py", line 1
    def f(*a, *b): pass
              ^
SyntaxError: * argument may appear only once
"#,
    ),
    (
        r#"def f(**k, a): pass
"#,
        r#"  File "x.py", line 1
    def f(**k, a): pass
               ^
SyntaxError: arguments cannot follow var-keyword argument
"#,
    ),
    (
        r#"def f(**k=1): pass
"#,
        r#"  File "x.py", line 1
    def f(**k=1): pass
             ^
SyntaxError: var-keyword argument cannot have default value
"#,
    ),
    (
        r#"def f(*a=1): pass
"#,
        r#"  File "x.py", line 1
    def f(*a=1): pass
            ^
SyntaxError: var-positional argument cannot have default value
"#,
    ),
    (
        r#"f(a=1, bcd)
"#,
        r#"  File "x.py", line 1
    f(a=1, bcd)
              ^
SyntaxError: positional argument follows keyword argument
"#,
    ),
    (
        r#"f(**k, bcd)
"#,
        r#"  File "x.py", line 1
    f(**k, bcd)
              ^
SyntaxError: positional argument follows keyword argument unpacking
"#,
    ),
    (
        r#"f(**k, *b)
"#,
        r#"  File "x.py", line 1
    f(**k, *b)
           ^
SyntaxError: iterable argument unpacking follows keyword argument unpacking
"#,
    ),
    (
        r#"f(x for x in y, 1)
"#,
        r#"  File "x.py", line 1
    f(x for x in y, 1)
      ^^^^^^^^^^^^
SyntaxError: Generator expression must be parenthesized
"#,
    ),
    (
        r#"lambda a=1, b: 0
"#,
        r#"  File "x.py", line 1
    lambda a=1, b: 0
                ^
SyntaxError: non-default argument follows default argument
"#,
    ),
    (
        r#"f(a.b=1)
"#,
        r#"  File "x.py", line 1
    f(a.b=1)
      ^^^^
SyntaxError: expression cannot contain assignment, perhaps you meant "=="?
"#,
    ),
    (
        r#"class A(x for x in y): pass
"#,
        r#"  File "x.py", line 1
    class A(x for x in y): pass
              ^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"if x = 1:
  pass
"#,
        r#"  File "x.py", line 1
    if x = 1:
       ^^^^^
SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?
"#,
    ),
    (
        r#"if x y:
  pass
"#,
        r#"  File "x.py", line 1
    if x y:
         ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"def f:
  pass
"#,
        r#"  File "x.py", line 1
    def f:
         ^
SyntaxError: expected '('
"#,
    ),
    (
        r#"class A
  pass
"#,
        r#"  File "x.py", line 1
    class A
           ^
SyntaxError: expected ':'
"#,
    ),
    (
        r#"try:
  x
y = 1
"#,
        r#"  File "x.py", line 3
    y = 1
    ^
SyntaxError: expected 'except' or 'finally' block
"#,
    ),
    (
        r#"if x:
"#,
        r#"  File "x.py", line 1
    if x:
IndentationError: expected an indented block after 'if' statement on line 1
"#,
    ),
    (
        r#"if x:"#,
        r#"  File "x.py", line 1
    if x:
IndentationError: expected an indented block after 'if' statement on line 1
"#,
    ),
    (
        r#"for x in y
  pass
"#,
        r#"  File "x.py", line 1
    for x in y
              ^
SyntaxError: expected ':'
"#,
    ),
    (
        r#"def f():
  return
 x
"#,
        r#"  File "x.py", line 3
    x
     ^
IndentationError: unindent does not match any outer indentation level
"#,
    ),
    (
        r#"x = [1, 2
"#,
        r#"  File "x.py", line 1
    x = [1, 2
        ^
SyntaxError: '[' was never closed
"#,
    ),
    (
        r#"f(a, b
"#,
        r#"  File "x.py", line 1
    f(a, b
     ^
SyntaxError: '(' was never closed
"#,
    ),
    (
        r#"print x
"#,
        r#"  File "x.py", line 1
    print x
    ^^^^^^^
SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?
"#,
    ),
    (
        r#"print "a", 1
"#,
        r#"  File "x.py", line 1
    print "a", 1
    ^^^^^^^^^^^^
SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?
"#,
    ),
    (
        r#"while x:
  pass
else
  pass
"#,
        r#"  File "x.py", line 3
    else
        ^
SyntaxError: expected ':'
"#,
    ),
    (
        r#"x = (a b)
"#,
        r#"  File "x.py", line 1
    x = (a b)
         ^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"#,
    ),
    (
        r#"x = a b
"#,
        r#"  File "x.py", line 1
    x = a b
          ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = {a: b c}
"#,
        r#"  File "x.py", line 1
    x = {a: b c}
            ^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"#,
    ),
    (
        r#"f(a=1 b)
"#,
        r#"  File "x.py", line 1
    f(a=1 b)
        ^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"#,
    ),
    (
        r#"lambda x x
"#,
        r#"  File "x.py", line 1
    lambda x x
             ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"with a as b c: pass
"#,
        r#"  File "x.py", line 1
    with a as b c: pass
                ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"import a.b as
"#,
        r#"  File "x.py", line 1
    import a.b as
                 ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"from x import (a, b
"#,
        r#"  File "x.py", line 1
    from x import (a, b
                  ^
SyntaxError: '(' was never closed
"#,
    ),
    (
        r#"def f(x)
  pass
"#,
        r#"  File "x.py", line 1
    def f(x)
            ^
SyntaxError: expected ':'
"#,
    ),
    (
        r#"x = 1 if y
"#,
        r#"  File "x.py", line 1
    x = 1 if y
        ^^^^^^
SyntaxError: expected 'else' after 'if' expression
"#,
    ),
    (
        r#"x = [i for i in]
"#,
        r#"  File "x.py", line 1
    x = [i for i in]
                   ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"try:
  x
"#,
        r#"  File "x.py", line 2
    x
SyntaxError: expected 'except' or 'finally' block
"#,
    ),
    (
        r#"try:
  x"#,
        r#"  File "x.py", line 2
    x
SyntaxError: expected 'except' or 'finally' block
"#,
    ),
    (
        r#"x = ("#,
        r#"  File "x.py", line 1
    x = (
        ^
SyntaxError: '(' was never closed
"#,
    ),
    (
        r#"class A:
  def f(self):
    pass
  @dec
"#,
        r#"  File "x.py", line 4
    @dec
IndentationError: unexpected unindent
"#,
    ),
    (
        r#"def f():
    x = 1
    if x:

# c
"#,
        r#"  File "x.py", line 5
    # c
IndentationError: expected an indented block after 'if' statement on line 3
"#,
    ),
    (
        r#"x = (1,
y = $
"#,
        r#"  File "x.py", line 1
    x = (1,
        ^
SyntaxError: '(' was never closed
"#,
    ),
    (
        r#"x = (1,
y = 'abc
"#,
        r#"  File "x.py", line 2
    y = 'abc
        ^
SyntaxError: unterminated string literal (detected at line 2)
"#,
    ),
    (
        r#"True = 1
"#,
        r#"  File "x.py", line 1
    True = 1
    ^^^^
SyntaxError: cannot assign to True
"#,
    ),
    (
        r#"None = 1
"#,
        r#"  File "x.py", line 1
    None = 1
    ^^^^
SyntaxError: cannot assign to None
"#,
    ),
    (
        r#"... = 1
"#,
        r#"  File "x.py", line 1
    ... = 1
    ^^^
SyntaxError: cannot assign to ellipsis here. Maybe you meant '==' instead of '='?
"#,
    ),
    (
        r#"x, f() = 1, 2
"#,
        r#"  File "x.py", line 1
    x, f() = 1, 2
       ^^^
SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
"#,
    ),
    (
        r#"[a, 1] = x
"#,
        r#"  File "x.py", line 1
    [a, 1] = x
        ^
SyntaxError: cannot assign to literal
"#,
    ),
    (
        r#"f() += 1
"#,
        r#"  File "x.py", line 1
    f() += 1
    ^^^
SyntaxError: 'function call' is an illegal expression for augmented assignment
"#,
    ),
    (
        r#"(x, y): int = 1
"#,
        r#"  File "x.py", line 1
    (x, y): int = 1
    ^^^^^^
SyntaxError: only single target (not tuple) can be annotated
"#,
    ),
    (
        r#"[x]: int
"#,
        r#"  File "x.py", line 1
    [x]: int
    ^^^
SyntaxError: only single target (not list) can be annotated
"#,
    ),
    (
        r#"f(): int
"#,
        r#"  File "x.py", line 1
    f(): int
    ^^^
SyntaxError: illegal target for annotation
"#,
    ),
    (
        r#"del 1
"#,
        r#"  File "x.py", line 1
    del 1
        ^
SyntaxError: cannot delete literal
"#,
    ),
    (
        r#"del (a, f())
"#,
        r#"  File "x.py", line 1
    del (a, f())
            ^^^
SyntaxError: cannot delete function call
"#,
    ),
    (
        r#"for f() in x: pass
"#,
        r#"  File "x.py", line 1
    for f() in x: pass
        ^^^
SyntaxError: cannot assign to function call
"#,
    ),
    (
        r#"with a as f(): pass
"#,
        r#"  File "x.py", line 1
    with a as f(): pass
              ^^^
SyntaxError: cannot assign to function call
"#,
    ),
    (
        r#"[x for 1 in y]
"#,
        r#"  File "x.py", line 1
    [x for 1 in y]
           ^
SyntaxError: cannot assign to literal
"#,
    ),
    (
        r#"(yield) = 1
"#,
        r#"  File "x.py", line 1
    (yield) = 1
     ^^^^^
SyntaxError: cannot assign to yield expression here. Maybe you meant '==' instead of '='?
"#,
    ),
    (
        r#"x = yield = 1
"#,
        r#"  File "x.py", line 1
    x = yield = 1
        ^^^^^
SyntaxError: assignment to yield expression not possible
"#,
    ),
    (
        r#"a < b = 1
"#,
        r#"  File "x.py", line 1
    a < b = 1
    ^^^^^
SyntaxError: cannot assign to comparison
"#,
    ),
    (
        r#"x = a < b = 1
"#,
        r#"  File "x.py", line 1
    x = a < b = 1
    ^^^^^
SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?
"#,
    ),
    (
        r#"not a = 1
"#,
        r#"  File "x.py", line 1
    not a = 1
    ^^^^^
SyntaxError: cannot assign to expression
"#,
    ),
    (
        r#"f() = x = 1
"#,
        r#"  File "x.py", line 1
    f() = x = 1
    ^^^
SyntaxError: cannot assign to function call
"#,
    ),
    (
        r#"x = f() = 1
"#,
        r#"  File "x.py", line 1
    x = f() = 1
        ^^^
SyntaxError: cannot assign to function call
"#,
    ),
    (
        r#"a if b else c = 1
"#,
        r#"  File "x.py", line 1
    a if b else c = 1
    ^^^^^^^^^^^^^
SyntaxError: cannot assign to conditional expression
"#,
    ),
    (
        r#"lambda: 1 = 1
"#,
        r#"  File "x.py", line 1
    lambda: 1 = 1
    ^^^^^^^^^
SyntaxError: cannot assign to lambda
"#,
    ),
    (
        r#"f(x) = yield 1
"#,
        r#"  File "x.py", line 1
    f(x) = yield 1
    ^^^^
SyntaxError: cannot assign to function call
"#,
    ),
    (
        r#"(a := 1) = 2
"#,
        r#"  File "x.py", line 1
    (a := 1) = 2
     ^^^^^^
SyntaxError: cannot assign to named expression here. Maybe you meant '==' instead of '='?
"#,
    ),
    (
        r#"f(a) := 1
"#,
        r#"  File "x.py", line 1
    f(a) := 1
    ^^^^
SyntaxError: cannot use assignment expressions with function call
"#,
    ),
    (
        r#"x.y := 1
"#,
        r#"  File "x.py", line 1
    x.y := 1
    ^^^
SyntaxError: cannot use assignment expressions with attribute
"#,
    ),
    (
        r#"class A:
x = 1
"#,
        r#"  File "x.py", line 2
    x = 1
    ^
IndentationError: expected an indented block after class definition on line 1
"#,
    ),
    (
        r#"for x in y:
pass
"#,
        r#"  File "x.py", line 2
    pass
    ^
IndentationError: expected an indented block after 'for' statement on line 1
"#,
    ),
    (
        r#"while x:
pass
"#,
        r#"  File "x.py", line 2
    pass
    ^
IndentationError: expected an indented block after 'while' statement on line 1
"#,
    ),
    (
        r#"with x:
pass
"#,
        r#"  File "x.py", line 2
    pass
    ^
IndentationError: expected an indented block after 'with' statement on line 1
"#,
    ),
    (
        r#"try:
pass
"#,
        r#"  File "x.py", line 2
    pass
    ^
IndentationError: expected an indented block after 'try' statement on line 1
"#,
    ),
    (
        r#"try:
  pass
except:
pass
"#,
        r#"  File "x.py", line 4
    pass
    ^
IndentationError: expected an indented block after 'except' statement on line 3
"#,
    ),
    (
        r#"try:
  pass
finally:
pass
"#,
        r#"  File "x.py", line 4
    pass
    ^
IndentationError: expected an indented block after 'finally' statement on line 3
"#,
    ),
    (
        r#"if x:
  pass
else:
pass
"#,
        r#"  File "x.py", line 4
    pass
    ^
IndentationError: expected an indented block after 'else' statement on line 3
"#,
    ),
    (
        r#"if x:
  pass
elif y:
pass
"#,
        r#"  File "x.py", line 4
    pass
    ^
IndentationError: expected an indented block after 'elif' statement on line 3
"#,
    ),
    (
        r#"async def f():
  async for x in y:
  pass
"#,
        r#"  File "x.py", line 3
    pass
    ^
IndentationError: expected an indented block after 'for' statement on line 2
"#,
    ),
    (
        r#"async def f():
pass
"#,
        r#"  File "x.py", line 2
    pass
    ^
IndentationError: expected an indented block after function definition on line 1
"#,
    ),
    (
        r#"@d
def f():
pass
"#,
        r#"  File "x.py", line 3
    pass
    ^
IndentationError: expected an indented block after function definition on line 2
"#,
    ),
    (
        r#"try:
  pass
except* E:
pass
"#,
        r#"  File "x.py", line 4
    pass
    ^
IndentationError: expected an indented block after 'except*' statement on line 3
"#,
    ),
    (
        r#"x = [1, 2, 3
y = 4
"#,
        r#"  File "x.py", line 1
    x = [1, 2, 3
        ^
SyntaxError: '[' was never closed
"#,
    ),
    (
        r#"foo(
"#,
        r#"  File "x.py", line 1
    foo(
       ^
SyntaxError: '(' was never closed
"#,
    ),
    (
        r#"d = {1: 2, 3: 4
"#,
        r#"  File "x.py", line 1
    d = {1: 2, 3: 4
        ^
SyntaxError: '{' was never closed
"#,
    ),
    (
        r#"x = 08
"#,
        r#"  File "x.py", line 1
    x = 08
        ^
SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers
"#,
    ),
    (
        r#"x = 0_
"#,
        r#"  File "x.py", line 1
    x = 0_
         ^
SyntaxError: invalid decimal literal
"#,
    ),
    (
        r#"x = 1_
"#,
        r#"  File "x.py", line 1
    x = 1_
         ^
SyntaxError: invalid decimal literal
"#,
    ),
    (
        r#"x = 0x
"#,
        r#"  File "x.py", line 1
    x = 0x
         ^
SyntaxError: invalid hexadecimal literal
"#,
    ),
    (
        r#"x = 0b
"#,
        r#"  File "x.py", line 1
    x = 0b
         ^
SyntaxError: invalid binary literal
"#,
    ),
    (
        r#"x = 0o
"#,
        r#"  File "x.py", line 1
    x = 0o
         ^
SyntaxError: invalid octal literal
"#,
    ),
    (
        r#"x = 0b2
"#,
        r#"  File "x.py", line 1
    x = 0b2
          ^
SyntaxError: invalid digit '2' in binary literal
"#,
    ),
    (
        r#"x = 1.e
"#,
        r#"  File "x.py", line 1
    x = 1.e
         ^
SyntaxError: invalid decimal literal
"#,
    ),
    (
        r#"x = 1e+
"#,
        r#"  File "x.py", line 1
    x = 1e+
          ^
SyntaxError: invalid decimal literal
"#,
    ),
    (
        r#"x = 3 if 1 else
"#,
        r#"  File "x.py", line 1
    x = 3 if 1 else
                   ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"import
"#,
        r#"  File "x.py", line 1
    import
          ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"from . import
"#,
        r#"  File "x.py", line 1
    from . import
                 ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"from x import *, y
"#,
        r#"  File "x.py", line 1
    from x import *, y
                   ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"from x import (*)
"#,
        r#"  File "x.py", line 1
    from x import (*)
                   ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"def f(a,
      b=1,
      c):
    pass
"#,
        r#"  File "x.py", line 3
    c):
    ^
SyntaxError: non-default argument follows default argument
"#,
    ),
    (
        r#"f(**a, b=1, *c)
"#,
        r#"  File "x.py", line 1
    f(**a, b=1, *c)
                ^
SyntaxError: iterable argument unpacking follows keyword argument unpacking
"#,
    ),
    (
        r#"f(*a, b=1, c)
"#,
        r#"  File "x.py", line 1
    f(*a, b=1, c)
                ^
SyntaxError: positional argument follows keyword argument
"#,
    ),
    (
        r#"def f() -> : pass
"#,
        r#"  File "x.py", line 1
    def f() -> : pass
            ^^
SyntaxError: expected ':'
"#,
    ),
    (
        r#"class A(: pass
"#,
        r#"  File "x.py", line 1
    class A(: pass
            ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = [*a for a in b]
"#,
        r#"  File "x.py", line 1
    x = [*a for a in b]
         ^^
SyntaxError: iterable unpacking cannot be used in comprehension
"#,
    ),
    (
        r#"x = {**a for a in b}
"#,
        r#"  File "x.py", line 1
    x = {**a for a in b}
         ^^
SyntaxError: dict unpacking cannot be used in dict comprehension
"#,
    ),
    (
        r#"x = {*a: 1}
"#,
        r#"  File "x.py", line 1
    x = {*a: 1}
           ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = "abc
"
"#,
        r#"  File "x.py", line 1
    x = "abc
        ^
SyntaxError: unterminated string literal (detected at line 1)
"#,
    ),
    (
        r#"x = 'a' 'b
"#,
        r#"  File "x.py", line 1
    x = 'a' 'b
            ^
SyntaxError: unterminated string literal (detected at line 1)
"#,
    ),
    (
        r#"@
def f(): pass
"#,
        r#"  File "x.py", line 1
    @
     ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"global
"#,
        r#"  File "x.py", line 1
    global
          ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"nonlocal x, 
"#,
        r#"  File "x.py", line 1
    nonlocal x, 
                ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"assert
"#,
        r#"  File "x.py", line 1
    assert
          ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"raise from x
"#,
        r#"  File "x.py", line 1
    raise from x
          ^^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = 1; ; y = 2
"#,
        r#"  File "x.py", line 1
    x = 1; ; y = 2
           ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"if True:
    x = 1
     y = 2
"#,
        r#"  File "x.py", line 3
    y = 2
IndentationError: unexpected indent
"#,
    ),
    (
        r#"if True:
        x = 1
    y = 2
"#,
        r#"  File "x.py", line 3
    y = 2
         ^
IndentationError: unindent does not match any outer indentation level
"#,
    ),
    (
        r#"def f():
	if x:
		pass
	else: pass
  	pass
"#,
        r#"  File "x.py", line 5
    pass
TabError: inconsistent use of tabs and spaces in indentation
"#,
    ),
    (
        r#"x = ((1, 2)
"#,
        r#"  File "x.py", line 1
    x = ((1, 2)
        ^
SyntaxError: '(' was never closed
"#,
    ),
    (
        r#"x = )
"#,
        r#"  File "x.py", line 1
    x = )
        ^
SyntaxError: unmatched ')'
"#,
    ),
    (
        r#"x = ]
"#,
        r#"  File "x.py", line 1
    x = ]
        ^
SyntaxError: unmatched ']'
"#,
    ),
    (
        r#"}
"#,
        r#"  File "x.py", line 1
    }
    ^
SyntaxError: unmatched '}'
"#,
    ),
    (
        r#"x = [1, 2)
"#,
        r#"  File "x.py", line 1
    x = [1, 2)
             ^
SyntaxError: closing parenthesis ')' does not match opening parenthesis '['
"#,
    ),
    (
        r#"x = {1: 2]
"#,
        r#"  File "x.py", line 1
    x = {1: 2]
             ^
SyntaxError: closing parenthesis ']' does not match opening parenthesis '{'
"#,
    ),
    (
        r#"f(a, b]
"#,
        r#"  File "x.py", line 1
    f(a, b]
          ^
SyntaxError: closing parenthesis ']' does not match opening parenthesis '('
"#,
    ),
    (
        r#"x = '\N{DASH}'
"#,
        r#"  File "x.py", line 1
    x = '\N{DASH}'
                  ^
SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-7: unknown Unicode character name
"#,
    ),
    (
        r#"x = '\U00110000'
"#,
        r#"  File "x.py", line 1
    x = '\U00110000'
                    ^
SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character
"#,
    ),
    (
        r#"x = '\u12'
"#,
        r#"  File "x.py", line 1
    x = '\u12'
              ^
SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \uXXXX escape
"#,
    ),
    (
        r#"x = f"{x:{y:{z}}}"
"#,
        r#"  File "x.py", line 1
    x = f"{x:{y:{z}}}"
                      ^
SyntaxError: f-string: expressions nested too deeply
"#,
    ),
    (
        r#"x = f"{x!}"
"#,
        r#"  File "x.py", line 1
    x = f"{x!}"
               ^
SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'
"#,
    ),
    (
        r#"x = f"{x!r"
"#,
        r#"  File "x.py", line 1
    x = f"{x!r"
               ^
SyntaxError: f-string: expecting '}'
"#,
    ),
    (
        r#"x = f"{x:"
"#,
        r#"  File "x.py", line 1
    x = f"{x:"
              ^
SyntaxError: f-string: expecting '}'
"#,
    ),
    (
        r#"x = f"{x=!z}"
"#,
        r#"  File "x.py", line 1
    x = f"{x=!z}"
                 ^
SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'
"#,
    ),
    (
        r#"x = f"{(}"
"#,
        r#"  File "x.py", line 1
    x = f"{(}"
              ^
SyntaxError: f-string: closing parenthesis '}' does not match opening parenthesis '('
"#,
    ),
    (
        r#"x = f"{x]}"
"#,
        r#"  File "x.py", line 1
    x = f"{x]}"
               ^
SyntaxError: f-string: unmatched ']'
"#,
    ),
    (
        r#"x = f"{'a}"
"#,
        r#"  File "x.py", line 1
    x = f"{'a}"
               ^
SyntaxError: f-string: unterminated string
"#,
    ),
    (
        r#"x = f"{x}}"
"#,
        r#"  File "x.py", line 1
    x = f"{x}}"
               ^
SyntaxError: f-string: single '}' is not allowed
"#,
    ),
    (
        r#"x = f"{{}"
"#,
        r#"  File "x.py", line 1
    x = f"{{}"
              ^
SyntaxError: f-string: single '}' is not allowed
"#,
    ),
    (
        r#"x = f"{ }"
"#,
        r#"  File "x.py", line 1
    x = f"{ }"
              ^
SyntaxError: f-string: empty expression not allowed
"#,
    ),
    (
        r#"else:
  pass
"#,
        r#"  File "x.py", line 1
    else:
    ^^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"elif x:
  pass
"#,
        r#"  File "x.py", line 1
    elif x:
    ^^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"except:
  pass
"#,
        r#"  File "x.py", line 1
    except:
    ^^^^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = 1 +* 2
"#,
        r#"  File "x.py", line 1
    x = 1 +* 2
           ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = 1 2
"#,
        r#"  File "x.py", line 1
    x = 1 2
          ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = a.1
"#,
        r#"  File "x.py", line 1
    x = a.1
         ^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = a.
"#,
        r#"  File "x.py", line 1
    x = a.
          ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = a..b
"#,
        r#"  File "x.py", line 1
    x = a..b
          ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = [1,, 2]
"#,
        r#"  File "x.py", line 1
    x = [1,, 2]
           ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"f(,)
"#,
        r#"  File "x.py", line 1
    f(,)
      ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"f(a,,b)
"#,
        r#"  File "x.py", line 1
    f(a,,b)
        ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = (,)
"#,
        r#"  File "x.py", line 1
    x = (,)
         ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"def f(,): pass
"#,
        r#"  File "x.py", line 1
    def f(,): pass
          ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"def (): pass
"#,
        r#"  File "x.py", line 1
    def (): pass
        ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"class : pass
"#,
        r#"  File "x.py", line 1
    class : pass
          ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"for in x: pass
"#,
        r#"  File "x.py", line 1
    for in x: pass
        ^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"for x y: pass
"#,
        r#"  File "x.py", line 1
    for x y: pass
          ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"for x in : pass
"#,
        r#"  File "x.py", line 1
    for x in : pass
             ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"while : pass
"#,
        r#"  File "x.py", line 1
    while : pass
          ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"if : pass
"#,
        r#"  File "x.py", line 1
    if : pass
       ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"with : pass
"#,
        r#"  File "x.py", line 1
    with : pass
         ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = lambda: yield
"#,
        r#"  File "x.py", line 1
    x = lambda: yield
                ^^^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = not
"#,
        r#"  File "x.py", line 1
    x = not
           ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = a if b
"#,
        r#"  File "x.py", line 1
    x = a if b
        ^^^^^^
SyntaxError: expected 'else' after 'if' expression
"#,
    ),
    (
        r#"x = a if else b
"#,
        r#"  File "x.py", line 1
    x = a if else b
             ^^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = a and
"#,
        r#"  File "x.py", line 1
    x = a and
             ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = a or or b
"#,
        r#"  File "x.py", line 1
    x = a or or b
             ^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = [i for i]
"#,
        r#"  File "x.py", line 1
    x = [i for i]
                ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = [for i in y]
"#,
        r#"  File "x.py", line 1
    x = [for i in y]
         ^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = {1:}
"#,
        r#"  File "x.py", line 1
    x = {1:}
          ^
SyntaxError: expression expected after dictionary key and ':'
"#,
    ),
    (
        r#"x = {:1}
"#,
        r#"  File "x.py", line 1
    x = {:1}
         ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = a[]
"#,
        r#"  File "x.py", line 1
    x = a[]
          ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = a[1:2:3:4]
"#,
        r#"  File "x.py", line 1
    x = a[1:2:3:4]
               ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"def f(x=): pass
"#,
        r#"  File "x.py", line 1
    def f(x=): pass
           ^
SyntaxError: expected default value expression
"#,
    ),
    (
        r#"def f(x:): pass
"#,
        r#"  File "x.py", line 1
    def f(x:): pass
            ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"def f(**): pass
"#,
        r#"  File "x.py", line 1
    def f(**): pass
            ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"def f(**k, **j): pass
"#,
        r#"  File "x.py", line 1
    def f(**k, **j): pass
               ^^
SyntaxError: arguments cannot follow var-keyword argument
"#,
    ),
    (
        r#"async x = 1
"#,
        r#"  File "x.py", line 1
    async x = 1
          ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"await = 1
"#,
        r#"  File "x.py", line 1
    await = 1
          ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"def f():
  x = await
"#,
        r#"  File "x.py", line 2
    x = await
             ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = 1 if 2 else 3 else 4
"#,
        r#"  File "x.py", line 1
    x = 1 if 2 else 3 else 4
                      ^^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"import a as b as c
"#,
        r#"  File "x.py", line 1
    import a as b as c
                  ^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"from x import y as
"#,
        r#"  File "x.py", line 1
    from x import y as
                      ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"from import y
"#,
        r#"  File "x.py", line 1
    from import y
         ^^^^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = 'abc' 'def
"#,
        r#"  File "x.py", line 1
    x = 'abc' 'def
              ^
SyntaxError: unterminated string literal (detected at line 1)
"#,
    ),
    (
        r#"x: int = 1 = 2
"#,
        r#"  File "x.py", line 1
    x: int = 1 = 2
               ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x: = 1
"#,
        r#"  File "x.py", line 1
    x: = 1
       ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"a = b: int
"#,
        r#"  File "x.py", line 1
    a = b: int
         ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = (1 for x in y, 2)
"#,
        r#"  File "x.py", line 1
    x = (1 for x in y, 2)
                     ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"print(x for x in y, )
"#,
        r#"  File "x.py", line 1
    print(x for x in y, )
          ^^^^^^^^^^^^
SyntaxError: Generator expression must be parenthesized
"#,
    ),
    (
        r#"x = 'a' f'{'
"#,
        r#"  File "x.py", line 1
    x = 'a' f'{'
                ^
SyntaxError: f-string: expecting '}'
"#,
    ),
    (
        r#"x = f'{x!r=}'
"#,
        r#"  File "x.py", line 1
    x = f'{x!r=}'
                 ^
SyntaxError: f-string: expecting '}'
"#,
    ),
    (
        r#"x = f"{x:{y}"
"#,
        r#"  File "x.py", line 1
    x = f"{x:{y}"
                 ^
SyntaxError: f-string: expecting '}'
"#,
    ),
    (
        r#"def f():
    pass
  pass
"#,
        r#"  File "x.py", line 3
    pass
        ^
IndentationError: unindent does not match any outer indentation level
"#,
    ),
    (
        r#"   
  x = 1
"#,
        r#"  File "x.py", line 2
    x = 1
IndentationError: unexpected indent
"#,
    ),
    (
        r#"

  # comment
x = (

"#,
        r#"  File "x.py", line 4
    x = (
        ^
SyntaxError: '(' was never closed
"#,
    ),
    (
        r#"x = """


abc
"#,
        r#"  File "x.py", line 1
    x = """
        ^
SyntaxError: unterminated triple-quoted string literal (detected at line 4)
"#,
    ),
    (
        r#"async def f()
    pass
"#,
        r#"  File "x.py", line 1
    async def f()
                 ^
SyntaxError: expected ':'
"#,
    ),
    (
        r#"print(f"{x")
"#,
        r#"  File "x.py", line 1
    print(f"{x")
               ^
SyntaxError: f-string: expecting '}'
"#,
    ),
    (
        r#"else if x:
    pass
"#,
        r#"  File "x.py", line 1
    else if x:
    ^^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"if x:
    pass
else if y:
    pass
"#,
        r#"  File "x.py", line 3
    else if y:
         ^^
SyntaxError: expected ':'
"#,
    ),
    (
        r#"for i in range(10)
    print(i)
"#,
        r#"  File "x.py", line 1
    for i in range(10)
                      ^
SyntaxError: expected ':'
"#,
    ),
    (
        r#"if x == 1
    pass
"#,
        r#"  File "x.py", line 1
    if x == 1
             ^
SyntaxError: expected ':'
"#,
    ),
    (
        r#"class Foo(object)
    pass
"#,
        r#"  File "x.py", line 1
    class Foo(object)
                     ^
SyntaxError: expected ':'
"#,
    ),
    (
        r#"def f(self, x y):
    pass
"#,
        r#"  File "x.py", line 1
    def f(self, x y):
                  ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"return x y
"#,
        r#"  File "x.py", line 1
    return x y
             ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = [1 2 3]
"#,
        r#"  File "x.py", line 1
    x = [1 2 3]
         ^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"#,
    ),
    (
        r#"print("a" "b" c)
"#,
        r#"  File "x.py", line 1
    print("a" "b" c)
          ^^^^^^^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"#,
    ),
    (
        r#"import asyncio as
"#,
        r#"  File "x.py", line 1
    import asyncio as
                     ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"async def f():
    async with x as y
        pass
"#,
        r#"  File "x.py", line 2
    async with x as y
                     ^
SyntaxError: expected ':'
"#,
    ),
    (
        r#"f(**)
"#,
        r#"  File "x.py", line 1
    f(**)
        ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = {'a': 1 'b': 2}
"#,
        r#"  File "x.py", line 1
    x = {'a': 1 'b': 2}
              ^^^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
"#,
    ),
    (
        r#"print('hello)
"#,
        r#"  File "x.py", line 1
    print('hello)
          ^
SyntaxError: unterminated string literal (detected at line 1)
"#,
    ),
    (
        r#"print("hello')
"#,
        r#"  File "x.py", line 1
    print("hello')
          ^
SyntaxError: unterminated string literal (detected at line 1)
"#,
    ),
    (
        r#"try:
    x
except Exception, e:
    pass
"#,
        r#"  File "x.py", line 3
    except Exception, e:
           ^^^^^^^^^^^^
SyntaxError: multiple exception types must be parenthesized
"#,
    ),
    (
        r#"exec "code"
"#,
        r#"  File "x.py", line 1
    exec "code"
    ^^^^^^^^^^^
SyntaxError: Missing parentheses in call to 'exec'. Did you mean exec(...)?
"#,
    ),
    (
        r#"lambda x: return x
"#,
        r#"  File "x.py", line 1
    lambda x: return x
              ^^^^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"a = 1 b = 2
"#,
        r#"  File "x.py", line 1
    a = 1 b = 2
          ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x += 1 = 2
"#,
        r#"  File "x.py", line 1
    x += 1 = 2
           ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"while True print(1)
"#,
        r#"  File "x.py", line 1
    while True print(1)
               ^^^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"if x: else: pass
"#,
        r#"  File "x.py", line 1
    if x: else: pass
          ^^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"async = 1
"#,
        r#"  File "x.py", line 1
    async = 1
          ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"await = 1
"#,
        r#"  File "x.py", line 1
    await = 1
          ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x := 1
"#,
        r#"  File "x.py", line 1
    x := 1
      ^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"f(a for a in b, c for c in d)
"#,
        r#"  File "x.py", line 1
    f(a for a in b, c for c in d)
      ^^^^^^^^^^^^
SyntaxError: Generator expression must be parenthesized
"#,
    ),
    (
        r#"class A: pass
  x = 1
"#,
        r#"  File "x.py", line 2
    x = 1
IndentationError: unexpected indent
"#,
    ),
    (
        r#"x = 'a' + 'b' 'c
"#,
        r#"  File "x.py", line 1
    x = 'a' + 'b' 'c
                  ^
SyntaxError: unterminated string literal (detected at line 1)
"#,
    ),
    (
        r#"﻿x = 1
print(x +)
"#,
        r#"  File "x.py", line 2
    print(x +)
             ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = 1
y = (
"#,
        r#"  File "x.py", line 2
    y = (
        ^
SyntaxError: '(' was never closed
"#,
    ),
    (
        r#"def f(x):
    return x
  print(x)
"#,
        r#"  File "x.py", line 3
    print(x)
            ^
IndentationError: unindent does not match any outer indentation level
"#,
    ),
    (
        r#"print(x))
"#,
        r#"  File "x.py", line 1
    print(x))
            ^
SyntaxError: unmatched ')'
"#,
    ),
    (
        r#"print((x)
"#,
        r#"  File "x.py", line 1
    print((x)
         ^
SyntaxError: '(' was never closed
"#,
    ),
    (
        r#"def f(x):
    pass
    return x
   y
"#,
        r#"  File "x.py", line 4
    y
     ^
IndentationError: unindent does not match any outer indentation level
"#,
    ),
    (
        r#"import asyncio

async def main():
    await asyncio.sleep(1)
    print("done"

asyncio.run(main())
"#,
        r#"  File "x.py", line 5
    print("done"
         ^
SyntaxError: '(' was never closed
"#,
    ),
    (
        r#"import asyncio

async def main():
    await asyncio.sleep(1
    print("done")
"#,
        r#"  File "x.py", line 4
    await asyncio.sleep(1
                       ^
SyntaxError: '(' was never closed
"#,
    ),
    (
        r#"x = {1, 2
y = 3
"#,
        r#"  File "x.py", line 1
    x = {1, 2
        ^
SyntaxError: '{' was never closed
"#,
    ),
    (
        r#"def f()
    return 1
"#,
        r#"  File "x.py", line 1
    def f()
           ^
SyntaxError: expected ':'
"#,
    ),
    (
        r#"def f(): -> int
    pass
"#,
        r#"  File "x.py", line 1
    def f(): -> int
             ^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"def f() -> int
    pass
"#,
        r#"  File "x.py", line 1
    def f() -> int
                  ^
SyntaxError: expected ':'
"#,
    ),
    (
        r#"print "a" % x
"#,
        r#"  File "x.py", line 1
    print "a" % x
    ^^^^^^^^^^^^^
SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?
"#,
    ),
    (
        r#"x = [1, 2, 3,]
x[1:2:3:]
"#,
        r#"  File "x.py", line 2
    x[1:2:3:]
           ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"for x in range(3): print(x) else: pass
"#,
        r#"  File "x.py", line 1
    for x in range(3): print(x) else: pass
                                ^^^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = 1 if True else
"#,
        r#"  File "x.py", line 1
    x = 1 if True else
                      ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"with open(f) as g, :
    pass
"#,
        r#"  File "x.py", line 1
    with open(f) as g, :
                       ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"with open(f) as 1:
    pass
"#,
        r#"  File "x.py", line 1
    with open(f) as 1:
                    ^
SyntaxError: cannot assign to literal
"#,
    ),
    (
        r#"x.1 = 2
"#,
        r#"  File "x.py", line 1
    x.1 = 2
     ^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"del x + 1
"#,
        r#"  File "x.py", line 1
    del x + 1
        ^^^^^
SyntaxError: cannot delete expression
"#,
    ),
    (
        r#"del *x
"#,
        r#"  File "x.py", line 1
    del *x
        ^^
SyntaxError: cannot delete starred
"#,
    ),
    (
        r#"global x.y
"#,
        r#"  File "x.py", line 1
    global x.y
            ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"nonlocal 1
"#,
        r#"  File "x.py", line 1
    nonlocal 1
             ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"import a.b.c as d.e
"#,
        r#"  File "x.py", line 1
    import a.b.c as d.e
                     ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"from .a import b.c
"#,
        r#"  File "x.py", line 1
    from .a import b.c
                    ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"from a import b as c as d
"#,
        r#"  File "x.py", line 1
    from a import b as c as d
                         ^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"raise X, "msg"
"#,
        r#"  File "x.py", line 1
    raise X, "msg"
           ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = {**}
"#,
        r#"  File "x.py", line 1
    x = {**}
           ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = [**a]
"#,
        r#"  File "x.py", line 1
    x = [**a]
         ^^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"f(*)
"#,
        r#"  File "x.py", line 1
    f(*)
       ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"def f(a, *): pass
"#,
        r#"  File "x.py", line 1
    def f(a, *): pass
             ^
SyntaxError: named arguments must follow bare *
"#,
    ),
    (
        r#"def f(*, a, *b): pass
"#,
        r#"  File "x.py", line 1
    def f(*, a, *b): pass
                ^
SyntaxError: * argument may appear only once
"#,
    ),
    (
        r#"x = 5 if
"#,
        r#"  File "x.py", line 1
    x = 5 if
            ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = f(a=)
"#,
        r#"  File "x.py", line 1
    x = f(a=)
            ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"x = f(=1)
"#,
        r#"  File "x.py", line 1
    x = f(=1)
          ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"@property
x = 1
"#,
        r#"  File "x.py", line 2
    x = 1
    ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"@
class A: pass
"#,
        r#"  File "x.py", line 1
    @
     ^
SyntaxError: invalid syntax
"#,
    ),
    (
        r#"class A(metaclass=M, x): pass
"#,
        r#"  File "x.py", line 1
    class A(metaclass=M, x): pass
                          ^
SyntaxError: positional argument follows keyword argument
"#,
    ),
    (
        r#"try:
    pass
else:
    pass
"#,
        r#"  File "x.py", line 3
    else:
    ^^^^
SyntaxError: expected 'except' or 'finally' block
"#,
    ),
    (
        r#"try:
    pass
except* :
    pass
"#,
        r#"  File "x.py", line 3
    except* :
            ^
SyntaxError: expected one or more exception types
"#,
    ),
    (
        r#"try:
    pass
except ValueError:
    pass
except* TypeError:
    pass
"#,
        r#"  File "x.py", line 5
    except* TypeError:
    ^^^^^^^
SyntaxError: cannot have both 'except' and 'except*' on the same 'try'
"#,
    ),
    (
        r#"x = 'abc'[
"#,
        r#"  File "x.py", line 1
    x = 'abc'[
             ^
SyntaxError: '[' was never closed
"#,
    ),
    (
        r#"x = """unclosed

more
"#,
        r#"  File "x.py", line 1
    x = """unclosed
        ^
SyntaxError: unterminated triple-quoted string literal (detected at line 3)
"#,
    ),
    (
        r#"if x:
    pass
  elif y:
    pass
"#,
        r#"  File "x.py", line 3
    elif y:
           ^
IndentationError: unindent does not match any outer indentation level
"#,
    ),
    (
        r#"x = (*a)
"#,
        r#"  File "x.py", line 1
    x = (*a)
         ^^
SyntaxError: cannot use starred expression here
"#,
    ),
    (
        r#"print(*a for a in b)
"#,
        r#"  File "x.py", line 1
    print(*a for a in b)
          ^^
SyntaxError: iterable unpacking cannot be used in comprehension
"#,
    ),
    (
        r#"f((*a))
"#,
        r#"  File "x.py", line 1
    f((*a))
       ^^
SyntaxError: cannot use starred expression here
"#,
    ),
];

#[test]
fn syntax_errors_match_cpython() {
    let mut failures = Vec::new();
    for (src, expected) in CASES {
        let got = render(src);
        if got != *expected {
            failures.push(format!(
                "--- source:\n{src}\n--- expected:\n{expected}--- got:\n{got}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
