//! `import`: kairos's built-in modules, native or written in Python.

use std::rc::Rc;

use crate::value::Value;
use crate::vm::exceptions::{ExcKind, PyErr};
use crate::vm::objects::{DictObj, ModuleObj};
use crate::vm::traceback::INTERNAL_PREFIX;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `import name` (dotted): the top package, or the leaf for `from` imports.
    pub fn import_module(&mut self, name: &str, level: u32, from: bool) -> PyResult<Value> {
        if level > 0 {
            return Err(self.new_error(
                ExcKind::ImportError,
                "attempted relative import with no known parent package",
            ));
        }
        let mut parts = name.split('.');
        let top_name = parts.next().unwrap_or_default().to_owned();
        let top = self.load_module(&top_name)?;
        let mut leaf = top.clone();
        let mut path = top_name;
        for part in parts {
            path = format!("{path}.{part}");
            leaf = if Self::module_exists(&path) {
                self.load_submodule(&leaf, part, &path)?
            } else {
                match self.getattr_opt(&leaf, part)? {
                    Some(m @ Value::Module(_)) => m,
                    _ => return Err(self.module_not_found(&path)),
                }
            };
        }
        Ok(if from { leaf } else { top })
    }

    /// Whether kairos has a module of this full name (loaded or not).
    fn module_exists(name: &str) -> bool {
        crate::modules::native_module(name).is_some()
            || crate::modules::python_module(name).is_some()
    }

    /// Loads `parent.part` and, on first load, binds it as the attribute
    /// `part` of `parent`, as CPython's import system does.
    fn load_submodule(&mut self, parent: &Value, part: &str, path: &str) -> PyResult<Value> {
        let first_load = !self.modules.contains_key(path);
        let module = self.load_module(path)?;
        if let (true, Value::Module(p)) = (first_load, parent) {
            p.dict.set_str(part, module.clone());
        }
        Ok(module)
    }

    fn module_not_found(&mut self, name: &str) -> PyErr {
        let err = self.new_error(
            ExcKind::ModuleNotFoundError,
            format!("No module named '{name}'"),
        );
        if let PyErr::Raise(e) = &err {
            let _ = self.setattr_raw(e, "name", Value::str(name));
        }
        err
    }

    /// A module by full name, loading it on first use.
    pub fn load_module(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        let dict = DictObj::new();
        dict.set_str("__name__", Value::str(name));
        let module = Value::Module(Rc::new(ModuleObj {
            name: name.to_owned(),
            dict: dict.clone(),
        }));
        if let Some(init) = crate::modules::native_module(name) {
            self.modules.insert(name.to_owned(), module.clone());
            init(self, &dict)?;
            return Ok(module);
        }
        if let Some(source) = crate::modules::python_module(name) {
            self.modules.insert(name.to_owned(), module.clone());
            let filename = format!("{INTERNAL_PREFIX}{name}.py");
            if let Err(e) = self.exec_source(&filename, source, &dict) {
                self.modules.shift_remove(name);
                return Err(e);
            }
            return Ok(module);
        }
        Err(self.module_not_found(name))
    }

    /// Parses, compiles and runs source text in the given namespace.
    pub fn exec_source(
        &mut self,
        filename: &str,
        source: &str,
        globals: &Rc<DictObj>,
    ) -> PyResult<Value> {
        let file = Rc::new(crate::source::SourceFile::new(filename, source));
        self.sources.insert(filename.into(), file.clone());
        let code = match crate::syntax::parse_module(&file)
            .and_then(|module| crate::compile::compile_module(&module, filename, source))
        {
            Ok(code) => code,
            Err(err) => {
                let text = err.render(&file);
                return Err(PyErr::Fatal {
                    report: format!("kairos: internal module failed to compile:\n{text}"),
                    status: 70,
                });
            }
        };
        if globals.get_str("__builtins__").is_none() {
            globals.set_str("__builtins__", Value::Dict(self.builtins.clone()));
        }
        let frame = self.module_frame(code, globals.clone());
        self.run_frame(frame)
    }

    pub fn module_frame(
        &self,
        code: Rc<crate::bytecode::CodeObject>,
        globals: Rc<DictObj>,
    ) -> Box<crate::vm::frame::Frame> {
        Box::new(crate::vm::frame::Frame {
            fast: vec![None; code.varnames.len()],
            cells: (0..code.cellvars.len())
                .map(|_| crate::vm::objects::Cell::new(None))
                .collect(),
            code,
            ip: 0,
            stack: Vec::new(),
            blocks: Vec::new(),
            globals,
            locals: None,
            return_mode: crate::vm::frame::ReturnMode::Push,
        })
    }

    pub fn import_from(&mut self, module: &Value, name: &str) -> PyResult<Value> {
        if let Some(v) = self.getattr_opt(module, name)? {
            return Ok(v);
        }
        if let Value::Module(m) = module {
            let full = format!("{}.{name}", m.name);
            if Self::module_exists(&full) {
                return self.load_submodule(module, name, &full);
            }
            let mname = m.name.clone();
            return Err(self.new_error(
                ExcKind::ImportError,
                format!("cannot import name '{name}' from '{mname}' (unknown location)"),
            ));
        }
        Err(self.new_error(ExcKind::ImportError, format!("cannot import name '{name}'")))
    }

    pub fn import_star(&mut self, module: &Value, ns: &Rc<DictObj>) -> PyResult<()> {
        let Value::Module(m) = module else {
            return Ok(());
        };
        let names: Vec<Value> = match m.dict.get_str("__all__") {
            Some(all) => self.collect_iterable(&all)?,
            None => m
                .dict
                .map
                .borrow()
                .keys()
                .filter(|k| matches!(&k.value, Value::Str(s) if !s.as_str().starts_with('_')))
                .map(|k| k.value.clone())
                .collect(),
        };
        for name in names {
            if let Value::Str(s) = &name {
                let v = self.getattr(module, s.as_str())?;
                ns.set_str(s.as_str(), v);
            }
        }
        Ok(())
    }
}
