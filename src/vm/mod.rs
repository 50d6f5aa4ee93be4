//! The virtual machine: a stackless interpreter whose frames live on the
//! heap, so that any frame can be suspended and Python calls never recurse
//! in Rust.

pub mod attrmap;
pub mod attrs;
pub mod builtins;
pub mod call;
pub mod classes;
pub mod convert;
pub mod errors;
pub mod exceptions;
pub mod frame;
pub mod generators;
pub mod hash;
pub mod imports;
pub mod instance_attrs;
pub mod interp;
pub mod items;
pub mod objects;
pub mod ops;
pub mod protocol;
pub mod repr;
pub mod settable;
pub mod slots;
pub mod strings;
pub mod suggest;
pub mod traceback;
pub mod types;

use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;

use indexmap::IndexMap;

use crate::source::SourceFile;
use crate::value::Value;
use exceptions::{ExcKind, PyErr};
use frame::Frame;
use objects::{DictObj, TypeObj};
use types::BuiltinTypes;

pub type PyResult<T> = Result<T, PyErr>;

/// Limits that end a runaway program (SPEC §5).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_instructions: u64,
    pub max_virtual_time: f64,
    pub recursion_limit: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_instructions: 2_000_000_000,
            max_virtual_time: 1e9,
            recursion_limit: 1000,
        }
    }
}

/// Receives the scheduling events of the event loop (`--trace`, timelines).
pub trait SchedulerObserver: Send {
    fn event(&mut self, time: f64, kind: &str, task: &str, detail: &str);
}

pub struct Vm {
    pub types: BuiltinTypes,
    exc_types: Vec<Rc<TypeObj>>,
    pub builtins: Rc<DictObj>,
    /// `sys.modules`, in import order.
    pub modules: IndexMap<String, Value>,
    /// The call stack of the running thread of control.
    pub frames: Vec<Box<Frame>>,
    /// The exception being handled (`sys.exc_info()`), if any.
    pub exc_info: Option<Value>,
    /// Source text by file name, for tracebacks and warnings.
    pub sources: HashMap<Rc<str>, Rc<SourceFile>>,
    /// The virtual clock, in seconds.
    pub clock: f64,
    pub limits: Limits,
    pub instructions: u64,
    /// Nesting of native-to-Python re-entries (each runs its own loop).
    pub native_depth: usize,
    /// Set while a simulated thread runs: the native depth it runs at, so
    /// `time.sleep` knows whether it may suspend.
    pub thread_depth: Option<usize>,
    pub observer: Option<Box<dyn SchedulerObserver>>,
    pub stdout: std::io::BufWriter<std::io::Stdout>,
    /// Captured instead of printed (tests); `None` writes to the process.
    pub capture: Option<(String, String)>,
    /// With `capture`: (byte offset in stdout, virtual time) of each write,
    /// so tools can tell when each line was printed.
    pub stdout_times: Vec<(usize, f64)>,
    pub main_file: Rc<str>,
    pub argv: Vec<String>,
    /// Addresses of containers whose repr is being built (`[[...]]`).
    pub repr_stack: Vec<usize>,
    /// asyncio's hook for async generators dropped while suspended.
    pub asyncgen_finalizer: Option<Value>,
    /// Finished frames kept for reuse.
    pub frame_pool: Vec<Box<Frame>>,
}

impl Vm {
    pub fn new(main_file: &str, argv: Vec<String>) -> Vm {
        let (types, exc_types) = types::create_builtin_types();
        let mut vm = Vm {
            types,
            exc_types,
            builtins: DictObj::new(),
            modules: IndexMap::new(),
            frames: Vec::new(),
            exc_info: None,
            sources: HashMap::new(),
            clock: 0.0,
            limits: Limits::default(),
            instructions: 0,
            native_depth: 0,
            thread_depth: None,
            observer: None,
            stdout: std::io::BufWriter::new(std::io::stdout()),
            capture: None,
            stdout_times: Vec::new(),
            main_file: main_file.into(),
            argv,
            repr_stack: Vec::new(),
            asyncgen_finalizer: None,
            frame_pool: Vec::new(),
        };
        builtins::install(&mut vm);
        generators::install(&mut vm);
        slots::install(&mut vm);
        vm
    }

    pub fn exc_type(&self, kind: ExcKind) -> &Rc<TypeObj> {
        &self.exc_types[kind as usize]
    }

    /// A new exception of a built-in kind with one string argument.
    pub fn new_error(&mut self, kind: ExcKind, msg: impl Into<String>) -> PyErr {
        let class = self.exc_type(kind).clone();
        PyErr::Raise(classes::new_exception(
            &class,
            vec![Value::string(msg.into())],
        ))
    }

    pub fn type_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_error(ExcKind::TypeError, msg)
    }

    pub fn value_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_error(ExcKind::ValueError, msg)
    }

    pub fn write_stdout(&mut self, text: &str) {
        match &mut self.capture {
            Some((out, _)) => {
                self.stdout_times.push((out.len(), self.clock));
                out.push_str(text);
            }
            None => {
                let _ = self.stdout.write_all(text.as_bytes());
            }
        }
    }

    pub fn write_stderr(&mut self, text: &str) {
        match &mut self.capture {
            Some((_, err)) => err.push_str(text),
            None => {
                let _ = self.stdout.flush();
                let _ = std::io::stderr().write_all(text.as_bytes());
            }
        }
    }

    pub fn flush(&mut self) {
        let _ = self.stdout.flush();
    }

    pub fn emit_event(&mut self, kind: &str, task: &str, detail: &str) {
        let time = self.clock;
        if self.observer.is_some() {
            // Keep the program's output and the event log in order.
            self.flush();
        }
        if let Some(observer) = &mut self.observer {
            observer.event(time, kind, task, detail);
        }
    }

    pub fn source(&self, filename: &str) -> Option<Rc<SourceFile>> {
        self.sources.get(filename).cloned()
    }
}
