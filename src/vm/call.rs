//! Calling: binding arguments to parameters, building frames, and the
//! re-entrant `call` that natives use to run Python code.

use std::cell::{Cell as StdCell, RefCell};
use std::rc::Rc;

use crate::bytecode::flags;
use crate::value::Value;
use crate::vm::exceptions::ExcKind;
use crate::vm::frame::{Frame, ReturnMode};
use crate::vm::objects::{
    Cell, FunctionObj, GenKind, GenState, GeneratorObj, KwArgs, Layout, TypeObj,
};
use crate::vm::{PyResult, Vm};

/// What calling something produced: a value at once, or a frame the
/// interpreter pushes (so Python-to-Python calls never recurse in Rust).
pub enum CallOutcome {
    Value(Value),
    Frame(Box<Frame>),
}

impl Vm {
    /// Calls any callable and runs it to completion (used by natives).
    pub fn call(&mut self, callable: &Value, args: Vec<Value>, kwargs: &KwArgs) -> PyResult<Value> {
        match self.prepare_call(callable, args, kwargs)? {
            CallOutcome::Value(v) => Ok(v),
            CallOutcome::Frame(frame) => self.run_frame(frame),
        }
    }

    pub fn call0(&mut self, callable: &Value) -> PyResult<Value> {
        self.call(callable, Vec::new(), &[])
    }

    pub fn call1(&mut self, callable: &Value, arg: Value) -> PyResult<Value> {
        self.call(callable, vec![arg], &[])
    }

    /// Starts a call: natives run now, Python functions become frames.
    pub fn prepare_call(
        &mut self,
        callable: &Value,
        mut args: Vec<Value>,
        kwargs: &KwArgs,
    ) -> PyResult<CallOutcome> {
        match callable {
            Value::Function(f) => self.function_call(f, args, kwargs, ReturnMode::Push),
            Value::Builtin(b) => {
                if let Some(bound) = &b.bound_self {
                    args.insert(0, bound.clone());
                }
                Ok(CallOutcome::Value((b.func)(self, &args, kwargs)?))
            }
            Value::BoundMethod(m) => {
                args.insert(0, m.self_value.clone());
                let func = m.func.clone();
                self.prepare_call(&func, args, kwargs)
            }
            Value::Type(t) => self.construct(t, args, kwargs),
            Value::StaticMethod(inner) => {
                let inner = (**inner).clone();
                self.prepare_call(&inner, args, kwargs)
            }
            _ => {
                let class = self.type_of(callable);
                match class.lookup("__call__") {
                    Some(call) if !matches!(callable, Value::Type(_)) => {
                        args.insert(0, callable.clone());
                        self.prepare_call(&call, args, kwargs)
                    }
                    _ => Err(self.type_error(format!(
                        "'{}' object is not callable",
                        self.type_name(callable)
                    ))),
                }
            }
        }
    }

    /// Calls a Python function: a frame to run, or a generator/coroutine object.
    pub fn function_call(
        &mut self,
        func: &Rc<FunctionObj>,
        args: Vec<Value>,
        kwargs: &KwArgs,
        return_mode: ReturnMode,
    ) -> PyResult<CallOutcome> {
        let mut frame = self.bind_arguments(func, args, kwargs)?;
        let code_flags = func.code.flags;
        let kind = if code_flags & flags::COROUTINE != 0 {
            Some(GenKind::Coroutine)
        } else if code_flags & flags::ASYNC_GENERATOR != 0 {
            Some(GenKind::AsyncGenerator)
        } else if code_flags & flags::GENERATOR != 0 {
            Some(GenKind::Generator)
        } else {
            None
        };
        match kind {
            None => {
                frame.return_mode = return_mode;
                Ok(CallOutcome::Frame(frame))
            }
            Some(kind) => {
                // Programs often create many coroutines before any runs
                // (`gather(*(f(i) for i in ...))`): no stack room until then.
                frame.stack = Vec::new();
                let generator = Rc::new(GeneratorObj {
                    kind,
                    state: StdCell::new(GenState::Created),
                    frame: RefCell::new(Some(frame)),
                    code: func.code.clone(),
                    names: func.names.borrow().clone(),
                    line_of_suspension: StdCell::new(0),
                });
                if kind == GenKind::Coroutine {
                    Vm::track_coroutine(&generator);
                }
                Ok(CallOutcome::Value(Value::Generator(generator)))
            }
        }
    }

    /// Instantiates a class: built-in constructors run natively; user
    /// classes get a fresh instance whose `__init__` frame is pushed.
    fn construct(
        &mut self,
        class: &Rc<TypeObj>,
        mut args: Vec<Value>,
        kwargs: &KwArgs,
    ) -> PyResult<CallOutcome> {
        if class.layout == Layout::Builtin || Rc::ptr_eq(class, &self.types.object) {
            let Some(new) = class.lookup("__new__") else {
                return Err(self.type_error(format!("cannot create '{}' instances", class.name)));
            };
            args.insert(0, Value::Type(class.clone()));
            return self.prepare_call(&new, args, kwargs);
        }
        let user_new = match class.lookup("__new__") {
            Some(Value::StaticMethod(new)) => Some((*new).clone()),
            Some(new @ Value::Function(_)) => Some(new),
            _ => None,
        };
        let instance = match user_new {
            Some(new) => {
                let mut new_args = vec![Value::Type(class.clone())];
                new_args.extend(args.iter().cloned());
                let obj = self.call(&new, new_args, kwargs)?;
                if !self.is_instance(&obj, class) {
                    return Ok(CallOutcome::Value(obj));
                }
                obj
            }
            None => crate::vm::classes::new_instance(class),
        };
        match class.lookup("__init__") {
            Some(Value::Function(init)) => {
                let mode = match &instance {
                    Value::Instance(inst) => ReturnMode::Construct(inst.clone()),
                    // Only instances have a user class as their type.
                    _ => return Err(self.type_error("__init__ needs an instance")),
                };
                args.insert(0, instance);
                self.function_call(&init, args, kwargs, mode)
            }
            Some(init) => {
                args.insert(0, instance.clone());
                self.call(&init, args, kwargs)?;
                Ok(CallOutcome::Value(instance))
            }
            None => Ok(CallOutcome::Value(instance)),
        }
    }

    /// Binds arguments to parameters with CPython's checks and messages.
    pub fn bind_arguments(
        &mut self,
        func: &Rc<FunctionObj>,
        mut args: Vec<Value>,
        kwargs: &KwArgs,
    ) -> PyResult<Box<Frame>> {
        let code = func.code.clone();
        let nparams = code.argcount as usize;
        let nkwonly = code.kwonlyargcount as usize;
        let has_varargs = code.flags & flags::VARARGS != 0;
        let has_varkw = code.flags & flags::VARKEYWORDS != 0;
        let simple = kwargs.is_empty()
            && args.len() == nparams
            && nkwonly == 0
            && code.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0
            && code.cellvars.is_empty()
            && func.closure.is_empty();
        let mut frame = self.new_frame(code.clone(), func.globals.clone());
        // Exactly the room needed: suspended coroutines keep their frames.
        frame.fast.reserve_exact(code.varnames.len());
        if simple {
            // The common call: exactly the positional parameters.
            frame.fast.extend(args.into_iter().map(Some));
            frame.fast.resize(code.varnames.len(), None);
            return Ok(frame);
        }
        let mut fast = std::mem::take(&mut frame.fast);
        fast.resize(code.varnames.len(), None);
        let qualname = func.names.borrow().qualname.clone();

        let given = args.len();
        if given > nparams && !has_varargs {
            return Err(self.too_many_positional(func, given, kwargs));
        }
        let extra: Vec<Value> = if given > nparams {
            args.split_off(nparams)
        } else {
            Vec::new()
        };
        for (slot, value) in fast.iter_mut().zip(args) {
            *slot = Some(value);
        }
        let mut index = nparams + nkwonly;
        if has_varargs {
            fast[index] = Some(Value::tuple(extra));
            index += 1;
        }
        let kwdict = if has_varkw {
            let d = crate::vm::objects::DictObj::new();
            fast[index] = Some(Value::Dict(d.clone()));
            Some(d)
        } else {
            None
        };
        let mut posonly_by_keyword = Vec::new();
        for (name, value) in kwargs {
            let posonly = code.posonlyargcount as usize;
            if kwdict.is_none()
                && code.varnames[..posonly]
                    .iter()
                    .any(|p| p.as_str() == name.as_ref())
            {
                posonly_by_keyword.push(name.to_string());
                continue;
            }
            let position = code.varnames[..nparams + nkwonly]
                .iter()
                .position(|p| **p == **name)
                .filter(|&p| p >= code.posonlyargcount as usize);
            match position {
                Some(p) => {
                    if fast[p].is_some() {
                        return Err(self.type_error(format!(
                            "{qualname}() got multiple values for argument '{name}'"
                        )));
                    }
                    fast[p] = Some(value.clone());
                }
                None => match &kwdict {
                    Some(d) => d.set_str(name, value.clone()),
                    None => {
                        return Err(self.type_error(format!(
                            "{qualname}() got an unexpected keyword argument '{name}'"
                        )))
                    }
                },
            }
        }
        if !posonly_by_keyword.is_empty() {
            return Err(self.type_error(format!(
                "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_by_keyword.join(", ")
            )));
        }
        // Defaults fill the last positional parameters.
        let ndefaults = func.defaults.len();
        let mut missing = Vec::new();
        for (i, slot) in fast.iter_mut().enumerate().take(nparams) {
            if slot.is_none() {
                if i + ndefaults >= nparams {
                    *slot = Some(func.defaults[i + ndefaults - nparams].clone());
                } else {
                    missing.push(code.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{qualname}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        for (i, slot) in fast
            .iter_mut()
            .enumerate()
            .take(nparams + nkwonly)
            .skip(nparams)
        {
            if slot.is_none() {
                let default = func
                    .kwdefaults
                    .as_ref()
                    .and_then(|d| d.get_str(&code.varnames[i]));
                match default {
                    Some(v) => *slot = Some(v),
                    None => missing.push(code.varnames[i].clone()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{qualname}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        let mut cells = std::mem::take(&mut frame.cells);
        cells.extend((0..code.cellvars.len()).map(|_| Cell::new(None)));
        for &(cell, param) in &code.cell_params {
            *cells[cell as usize].value.borrow_mut() = fast[param as usize].take();
        }
        cells.extend(func.closure.iter().cloned());
        frame.fast = fast;
        frame.cells = cells;
        Ok(frame)
    }

    fn too_many_positional(
        &mut self,
        func: &Rc<FunctionObj>,
        given: usize,
        kwargs: &KwArgs,
    ) -> crate::vm::exceptions::PyErr {
        let code = &func.code;
        let nparams = code.argcount as usize;
        let required = nparams - func.defaults.len().min(nparams);
        let qualname = func.names.borrow().qualname.clone();
        let takes = if required == nparams {
            format!(
                "{nparams} positional argument{}",
                if nparams == 1 { "" } else { "s" }
            )
        } else {
            format!("from {required} to {nparams} positional arguments")
        };
        let kw_given = kwargs
            .iter()
            .filter(|(n, _)| {
                code.varnames[nparams..nparams + code.kwonlyargcount as usize]
                    .iter()
                    .any(|p| p.as_str() == n.as_ref())
            })
            .count();
        let given_text = if kw_given > 0 {
            format!(
                "{given} positional argument{} (and {kw_given} keyword-only argument{}) were given",
                if given == 1 { "" } else { "s" },
                if kw_given == 1 { "" } else { "s" }
            )
        } else {
            format!("{given} {} given", if given == 1 { "was" } else { "were" })
        };
        self.new_error(
            ExcKind::TypeError,
            format!("{qualname}() takes {takes} but {given_text}"),
        )
    }
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` as CPython lists names.
fn name_list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}
