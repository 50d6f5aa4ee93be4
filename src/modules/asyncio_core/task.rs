//! `Task.__init__`, run for every task created.

use std::cell::Cell;

use super::future::{init_future, self_arg};
use super::queue::queue_step;
use super::{field, with_registry};
use crate::value::Value;
use crate::vm::objects::{GenKind, KwArgs};
use crate::vm::{PyResult, Vm};

/// How many attributes a task waiting on a future has (loop, number, name,
/// coroutine, first done callback, logging flag, awaited future): waiting
/// is where a program's many tasks spend their time. Finishing regrows
/// it once, as its coroutine's frames are freed.
const TASK_FIELDS: usize = 7;

thread_local! {
    /// Tasks named so far: the next unnamed one is `Task-{n + 1}`.
    static TASKS_NAMED: Cell<i64> = const { Cell::new(0) };
}

/// `Task.__init__(self, coro, *, loop=None, name=None, context=None)`.
pub(super) fn task_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let inst = self_arg(vm, args)?.clone();
    let task = args[0].clone();
    let mut coro = args.get(1).cloned();
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "Task.__init__() takes 1 positional argument but {} were given",
            args.len() - 1
        )));
    }
    let (mut loop_, mut name) = (Value::None, Value::None);
    for (key, value) in kw {
        match &**key {
            "coro" if coro.is_none() => coro = Some(value.clone()),
            "loop" => loop_ = value.clone(),
            "name" => name = value.clone(),
            "context" => {}
            other => {
                return Err(vm.type_error(format!(
                    "Task.__init__() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    let Some(coro) = coro else {
        return Err(vm.type_error("Task.__init__() missing required argument 'coro'"));
    };
    // Room for the fields a task gains as it runs and finishes: tasks are
    // often all created before the first one runs.
    inst.reserve_attrs(TASK_FIELDS);
    init_future(vm, &inst, loop_)?;
    let is_coroutine = match &coro {
        Value::Generator(g) => g.kind != GenKind::AsyncGenerator,
        other => {
            let iscoroutine = with_registry(|r| r.iscoroutine.clone());
            let answer = vm.call(&iscoroutine, vec![other.clone()], &[])?;
            vm.is_true(&answer)?
        }
    };
    if !is_coroutine {
        inst.set_attr("_log_destroy_pending", Value::Bool(false));
        let repr = vm.repr(&coro)?;
        return Err(vm.type_error(format!("a coroutine was expected, got {repr}")));
    }
    // An unnamed task stores its number: `get_name` makes it `Task-{n}`.
    let name = if name.is_none() {
        Value::Int(TASKS_NAMED.with(|n| {
            n.set(n.get() + 1);
            n.get()
        }))
    } else {
        Value::string(vm.to_str(&name)?)
    };
    inst.set_attr("_name", name.clone());
    inst.set_attr("_coro", coro.clone());
    let loop_ = field(&inst, "_loop");
    queue_step(vm, &loop_, task.clone(), None)?;
    if let Value::Instance(loop_inst) = &loop_ {
        if let Value::List(all_tasks) = field(loop_inst, "_all_tasks") {
            all_tasks.borrow_mut().push(task);
        }
    }
    if vm.observer.is_some() {
        let qualname = match &coro {
            Value::Generator(g) => g.names.qualname.to_string(),
            _ => "?".to_owned(),
        };
        let name = match &name {
            Value::Int(n) => format!("Task-{n}"),
            named => vm.to_str(named)?,
        };
        vm.emit_event("task_created", &name, &format!("{qualname}()"));
    }
    Ok(Value::None)
}
