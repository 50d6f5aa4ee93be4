"""asyncio for kairos: CPython 3.11's asyncio on a deterministic virtual clock.

The implementation lives in the `_asyncio_*` modules, one job each:
exceptions; coroutines (iscoroutine...); format (CPython's reprs); events
(running loop, policy, Handle); futures (Future); tasks (Task, sleep, gather,
wait_for, ...); loop (the event loop and simulated threads); runners (run,
Runner); locks; queues; structured (timeout, TaskGroup).
This module only gathers the public names, as CPython's asyncio package does
(`asyncio.exceptions`, `.tasks`, `.locks`, `.queues`, `.events`, `.futures`
name the modules that hold what CPython's submodules of those names hold).

Trace events sent to `_kairos.event(kind, name, detail)`:
  task_created (task, coroutine), task_started, task_resumed,
  task_suspended (task, what it awaits: 'sleep(1.0)', 'Task-3', 'Lock', ...),
  task_finished (task, 'result=...' or 'exception=...'), task_cancelled,
  timer_scheduled / timer_fired (owner task or '', repr(when)),
  clock_advanced ('', repr(new time)),
  thread_started / thread_sleeping (wake time) / thread_finished (function name).
"""

import _asyncio_events as events
import _asyncio_exceptions as exceptions
import _asyncio_futures as futures
import _asyncio_locks as locks
import _asyncio_queues as queues
import _asyncio_tasks as tasks
from _asyncio_coroutines import iscoroutine, iscoroutinefunction, isfuture
from _asyncio_events import (
    AbstractEventLoop, AbstractEventLoopPolicy, DefaultEventLoopPolicy, Handle, TimerHandle,
    _get_running_loop, _set_running_loop, get_event_loop, get_event_loop_policy,
    get_running_loop, new_event_loop, set_event_loop, set_event_loop_policy,
)
from _asyncio_exceptions import BrokenBarrierError, CancelledError, InvalidStateError, TimeoutError
from _asyncio_futures import Future
from _asyncio_tasks import (
    ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, Task, all_tasks, as_completed,
    create_task, current_task, ensure_future, gather, shield, sleep, wait, wait_for,
)
from _asyncio_loop import _UnixSelectorEventLoop, to_thread, wrap_future
from _asyncio_runners import Runner, run
from _asyncio_locks import Barrier, BoundedSemaphore, Condition, Event, Lock, Semaphore
from _asyncio_queues import LifoQueue, PriorityQueue, Queue, QueueEmpty, QueueFull
from _asyncio_structured import TaskGroup, Timeout, timeout, timeout_at

SelectorEventLoop = _UnixSelectorEventLoop
BaseEventLoop = _UnixSelectorEventLoop

__all__ = (
    'ALL_COMPLETED', 'AbstractEventLoop', 'AbstractEventLoopPolicy', 'Barrier', 'BaseEventLoop',
    'BoundedSemaphore', 'BrokenBarrierError', 'CancelledError', 'Condition',
    'DefaultEventLoopPolicy', 'Event', 'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'Future', 'Handle',
    'InvalidStateError', 'LifoQueue', 'Lock', 'PriorityQueue', 'Queue', 'QueueEmpty', 'QueueFull',
    'Runner', 'SelectorEventLoop', 'Semaphore', 'Task', 'TaskGroup', 'Timeout', 'TimeoutError',
    'TimerHandle', 'all_tasks', 'as_completed', 'create_task', 'current_task', 'ensure_future',
    'gather', 'get_event_loop', 'get_event_loop_policy', 'get_running_loop', 'iscoroutine',
    'iscoroutinefunction', 'isfuture', 'new_event_loop', 'run', 'set_event_loop',
    'set_event_loop_policy', 'shield', 'sleep', 'timeout', 'timeout_at', 'to_thread', 'wait',
    'wait_for', 'wrap_future', '_get_running_loop', '_set_running_loop', 'events', 'exceptions', 'futures',
    'locks', 'queues', 'tasks',
)
