//! The built-in exception hierarchy and the error type of every fallible
//! VM operation.

use std::rc::Rc;

use crate::bytecode::CodeObject;
use crate::value::Value;
use crate::vm::objects::DictObj;

/// Why an operation did not produce a value.
pub enum PyErr {
    /// A Python exception (an instance of a BaseException subclass).
    Raise(Value),
    /// A simulated thread blocked in `time.sleep` until the given virtual
    /// time: its frames stay on the stack for `run_thread` to save.
    Suspend(f64),
    /// The program must stop now, with this report on stderr and this exit
    /// status (deadlock, resource limits). Not catchable by Python code.
    Fatal { report: String, status: i32 },
}

/// One frame an exception passed through.
#[derive(Clone)]
pub struct TraceEntry {
    pub code: Rc<CodeObject>,
    pub instr: usize,
    /// The frame's globals, for NameError suggestions.
    pub globals: Rc<DictObj>,
    /// The frame's locals once it has been left: like CPython's traceback
    /// frames, they stay alive as long as the exception does.
    pub locals: Option<Rc<Vec<Option<Value>>>>,
    /// Underline only the `obj.name` part (an AttributeError in a method call).
    pub attribute_caret: bool,
}

macro_rules! exception_kinds {
    ($($kind:ident : $($base:ident),* ;)*) => {
        /// The built-in exception classes, in creation order (bases first).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ExcKind { $($kind),* }

        impl ExcKind {
            pub const ALL: &'static [ExcKind] = &[$(ExcKind::$kind),*];

            pub fn name(self) -> &'static str {
                match self { $(ExcKind::$kind => stringify!($kind)),* }
            }

            pub fn bases(self) -> &'static [ExcKind] {
                match self { $(ExcKind::$kind => &[$(ExcKind::$base),*]),* }
            }
        }
    };
}

exception_kinds! {
    BaseException: ;
    BaseExceptionGroup: BaseException;
    GeneratorExit: BaseException;
    KeyboardInterrupt: BaseException;
    SystemExit: BaseException;
    Exception: BaseException;
    ExceptionGroup: BaseExceptionGroup, Exception;
    ArithmeticError: Exception;
    FloatingPointError: ArithmeticError;
    OverflowError: ArithmeticError;
    ZeroDivisionError: ArithmeticError;
    AssertionError: Exception;
    AttributeError: Exception;
    BufferError: Exception;
    EOFError: Exception;
    ImportError: Exception;
    ModuleNotFoundError: ImportError;
    LookupError: Exception;
    IndexError: LookupError;
    KeyError: LookupError;
    MemoryError: Exception;
    NameError: Exception;
    UnboundLocalError: NameError;
    OSError: Exception;
    BlockingIOError: OSError;
    ChildProcessError: OSError;
    ConnectionError: OSError;
    BrokenPipeError: ConnectionError;
    ConnectionAbortedError: ConnectionError;
    ConnectionRefusedError: ConnectionError;
    ConnectionResetError: ConnectionError;
    FileExistsError: OSError;
    FileNotFoundError: OSError;
    InterruptedError: OSError;
    IsADirectoryError: OSError;
    NotADirectoryError: OSError;
    PermissionError: OSError;
    ProcessLookupError: OSError;
    TimeoutError: OSError;
    ReferenceError: Exception;
    RuntimeError: Exception;
    NotImplementedError: RuntimeError;
    RecursionError: RuntimeError;
    StopAsyncIteration: Exception;
    StopIteration: Exception;
    SyntaxError: Exception;
    IndentationError: SyntaxError;
    TabError: IndentationError;
    SystemError: Exception;
    TypeError: Exception;
    ValueError: Exception;
    UnicodeError: ValueError;
    UnicodeDecodeError: UnicodeError;
    UnicodeEncodeError: UnicodeError;
    Warning: Exception;
    DeprecationWarning: Warning;
    FutureWarning: Warning;
    RuntimeWarning: Warning;
    SyntaxWarning: Warning;
    UserWarning: Warning;
    ResourceWarning: Warning;
}
