"""asyncio's Task and the task-level functions: create_task, sleep, gather,
shield, wait, wait_for, as_completed, ensure_future, current_task, all_tasks.

Semantics follow CPython 3.11 (its C Task): names `Task-N` from one global
counter, CancelledError thrown in at the await point, done callbacks run via
call_soon, the same callback hops (so output interleaves as in CPython).
"""

import _asyncio_core
import _kairos
import functools
import reprlib
from _asyncio_coroutines import iscoroutine, isfuture
from _asyncio_events import Handle, _get_event_loop, get_running_loop
from _asyncio_exceptions import CancelledError, InvalidStateError
from _asyncio_format import _describe_awaited, _format_coroutine, _register_cpython_coroutine
from _asyncio_futures import Future, _set_result_unless_cancelled
from _asyncio_queues import Queue

# Scheduling events cost nothing unless an observer (--trace) listens.
_TRACING = _kairos.tracing()

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

def _future_loop(fut):
    get_loop = getattr(fut, 'get_loop', None)
    if get_loop is not None:
        return get_loop()
    return fut._loop


def _enter_task(loop, task):
    current = loop._current_task
    if current is not None:
        raise RuntimeError(f'Cannot enter into task {task!r} while another '
                           f'task {current!r} is being executed.')
    loop._current_task = task


def _leave_task(loop, task):
    current = loop._current_task
    if current is not task:
        raise RuntimeError(f'Leaving task {task!r} does not match '
                           f'the current task {current!r}.')
    loop._current_task = None


class Task(Future):
    """A coroutine wrapped in a Future: the loop steps it each time what it awaits is done."""
    __module__ = '_asyncio'

    _log_destroy_pending = True
    # Defaults kept on the class (a task only stores what differs).
    _num_cancels_requested = 0
    _must_cancel = False
    _fut_waiter = None
    _started = False
    # Set when the task is reported as destroyed while pending: CPython's collector
    # has closed the coroutine by then, so reprs show it as done.
    _destroyed = False

    # Names Task-1, Task-2, ... from one counter; schedules the first step.
    __init__ = _asyncio_core.task_init

    def _repr_info(self):
        info = super()._repr_info()
        if self._num_cancels_requested and not self.done():
            info[0] = 'cancelling'
        info.insert(1, f'name={self.get_name()!r}')
        info.insert(2, f'coro=<{_format_coroutine(self._coro, self._destroyed)}>')
        if self._fut_waiter is not None:
            info.insert(3, f'wait_for={self._fut_waiter!r}')
        return info

    def get_coro(self):
        return self._coro

    def get_name(self):
        name = self._name
        if type(name) is int:
            # Unnamed tasks keep only their number until asked (CPython 3.12
            # does the same; the name is the one 3.11 gives).
            name = self._name = f'Task-{name}'
        return name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

    def cancel(self, msg=None):
        """Request cancellation: CancelledError is thrown in at the current await."""
        self._log_traceback = False
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def _step(self, exc=None):
        """One step, all cases; `_asyncio_core.step` runs the common ones natively
        and calls the methods below for the rest."""
        if self.done():
            raise InvalidStateError(f'_step(): already done: {self!r}, {exc!r}')
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        loop = self._loop
        _enter_task(loop, self)
        _TRACING and _kairos.event('task_resumed' if self._started else 'task_started', self.get_name(), '')
        self._started = True
        try:
            try:
                if exc is None:
                    result = self._coro.send(None)
                else:
                    result = self._coro.throw(exc)
            except StopIteration as stop:
                self._step_done(True, stop.value)
            except BaseException as error:
                if self._step_done(False, error):
                    raise
            else:
                self._suspend_on(result)
        finally:
            _leave_task(loop, self)
            if self.done():
                self._finished()

    def _step_done(self, returned, value):
        """The coroutine returned `value` or raised it. True: re-raise it (SystemExit,
        KeyboardInterrupt), after it has become the task's exception."""
        if returned:
            if self._must_cancel:
                self._must_cancel = False
                super().cancel(msg=self._cancel_message)
            else:
                super().set_result(value)
        elif isinstance(value, CancelledError):
            self._cancelled_exc = value
            super().cancel()
        else:
            super().set_exception(value)
            return isinstance(value, (KeyboardInterrupt, SystemExit))
        return False

    def _report_step_error(self, exc):
        """A step that raised: reported as the Handle running it would report it."""
        Handle(self._step, (), self._loop)._report(exc)

    def _suspend_on(self, result):
        """Handle what the coroutine yielded: a future to wait for, or a bare yield."""
        blocking = getattr(result, '_asyncio_future_blocking', None)
        if blocking is not None:
            if _future_loop(result) is not self._loop:
                self._loop.call_soon(self._step, RuntimeError(
                    f'Task {self!r} got Future {result!r} attached to a different loop'))
            elif not blocking:
                self._loop.call_soon(self._step, RuntimeError(
                    f'yield was used instead of yield from in task {self!r} with {result!r}'))
            elif result is self:
                self._loop.call_soon(self._step, RuntimeError(
                    f'Task cannot await on itself: {self!r}'))
            else:
                result._asyncio_future_blocking = False
                result.add_done_callback(self.task_wakeup)
                self._fut_waiter = result
                _TRACING and _kairos.event('task_suspended', self.get_name(), _describe_awaited(result))
                if self._must_cancel:
                    if self._fut_waiter.cancel(msg=self._cancel_message):
                        self._must_cancel = False
        elif result is None:
            _TRACING and _kairos.event('task_suspended', self.get_name(), 'sleep(0)')
            _asyncio_core.schedule_step(self._loop, self)
        else:
            self._loop.call_soon(self._step, RuntimeError(f'Task got bad yield: {result!r}'))

    def _finished(self):
        _asyncio_core.task_done(self._loop)
        if self.cancelled():
            _TRACING and _kairos.event('task_cancelled', self.get_name(), '')
        elif self._exception is not None:
            _TRACING and _kairos.event('task_finished', self.get_name(), 'exception=' + reprlib.repr(self._exception))
        else:
            _TRACING and _kairos.event('task_finished', self.get_name(), 'result=' + reprlib.repr(self._result))

    def task_wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            error = exc
        else:
            error = None
        _asyncio_core.step(self, error)


_asyncio_core.register_task(Task.task_wakeup, Handle, iscoroutine)


def current_task(loop=None):
    """The task running now on `loop` (default: the running loop), or None."""
    if loop is None:
        loop = get_running_loop()
    return loop._current_task


def all_tasks(loop=None):
    """The set of not-yet-done tasks of `loop` (default: the running loop)."""
    if loop is None:
        loop = get_running_loop()
    return {task for task in loop._all_tasks if not task.done()}


def create_task(coro, *, name=None, context=None):
    """Schedule `coro` as a Task on the running loop."""
    loop = get_running_loop()
    task = loop.create_task(coro)
    if name is not None:
        task.set_name(name)
    return task


async def _wrap_awaitable(awaitable):
    return await awaitable


def ensure_future(coro_or_future, *, loop=None):
    """Futures unchanged; coroutines and awaitables wrapped in a new Task."""
    return _ensure_future(coro_or_future, loop=loop)


def _ensure_future(coro_or_future, *, loop=None):
    if isfuture(coro_or_future):
        if loop is not None and loop is not _future_loop(coro_or_future):
            raise ValueError('The future belongs to a different loop than '
                             'the one specified as the loop argument')
        return coro_or_future
    wrapped = False
    if not iscoroutine(coro_or_future):
        if hasattr(type(coro_or_future), '__await__'):
            coro_or_future = _wrap_awaitable(coro_or_future)
            wrapped = True
        else:
            raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')
    if loop is None:
        loop = _get_event_loop()
    try:
        return loop.create_task(coro_or_future)
    except RuntimeError:
        if not wrapped:
            coro_or_future.close()
        raise


async def sleep(delay, result=None):
    """Coroutine that completes after `delay` seconds of (virtual) time."""
    if delay <= 0:
        await _asyncio_core.yield_once()
        return result
    # As few locals as possible: 100,000 sleeping tasks each keep a frame.
    loop = get_running_loop()
    future = loop.create_future()
    # Described as `sleep(DELAY)` when asked (trace, deadlock report).
    future._kairos_sleep = delay
    if _TRACING:
        # A TimerHandle, which the trace shows being set and firing.
        timer = loop.call_at(_kairos.clock() + delay, _set_result_unless_cancelled, future, result)
    else:
        timer = _asyncio_core.sleep_timer(loop, _kairos.clock() + delay, future, result)
    try:
        return await future
    finally:
        if _TRACING:
            timer.cancel()
        else:
            _asyncio_core.cancel_sleep(loop, timer)


# ---------------------------------------------------------------------------
# gather / shield
# ---------------------------------------------------------------------------

class _GatheringFuture(Future):
    """gather()'s outer future: cancelling it cancels the children."""
    __module__ = 'asyncio.tasks'

    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    @property
    def _kairos_awaiting(self):
        names = ', '.join([_describe_awaited(child) for child in self._children])
        return f'gather({names})'

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    """Run awaitables concurrently; the result is the list of their results, in order."""
    if not coros_or_futures:
        loop = _get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    def _done_callback(fut):
        nonlocal nfinished
        nfinished += 1

        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()
            return

        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return

        if nfinished == nfuts:
            results = []
            for child in children:
                if child.cancelled():
                    message = child._cancel_message
                    res = CancelledError('' if message is None else message)
                else:
                    res = child.exception()
                    if res is None:
                        res = child.result()
                results.append(res)
            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    arg_to_fut = {}
    children = []
    nfuts = 0
    nfinished = 0
    loop = None
    outer = None
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = _ensure_future(arg, loop=loop)
            if loop is None:
                loop = _future_loop(fut)
            if fut is not arg:
                fut._log_destroy_pending = False
            nfuts += 1
            arg_to_fut[arg] = fut
            fut.add_done_callback(_done_callback)
        else:
            fut = arg_to_fut[arg]
        children.append(fut)

    outer = _GatheringFuture(children, loop=loop)
    return outer


def shield(arg):
    """Wait for `arg` but do not cancel it when the awaiting task is cancelled."""
    inner = _ensure_future(arg)
    if inner.done():
        return inner
    loop = _future_loop(inner)
    outer = loop.create_future()
    outer._kairos_awaiting = f'shield({_describe_awaited(inner)})'

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


# ---------------------------------------------------------------------------
# wait / wait_for / as_completed
# ---------------------------------------------------------------------------

def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


def _unique(items):
    """The items without repeats, in first-seen order (CPython uses a set here)."""
    seen = {}
    for item in items:
        seen[item] = None
    return list(seen)


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for futures/tasks; returns (done, pending) sets. Never raises TimeoutError."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f'expect a list of futures, not {type(fs).__name__}')
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    fs = _unique(fs)
    for f in fs:
        if iscoroutine(f):
            raise TypeError('Passing coroutines is forbidden, use tasks explicitly.')
    loop = get_running_loop()
    return await _wait(fs, timeout, return_when, loop)


async def _wait(fs, timeout, return_when, loop):
    waiter = loop.create_future()
    waiter._kairos_awaiting = 'wait(' + ', '.join([_describe_awaited(f) for f in fs]) + ')'
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or return_when == FIRST_COMPLETED
                or return_when == FIRST_EXCEPTION and (not f.cancelled()
                                                       and f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)

    done = set()
    pending = set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


async def _cancel_and_wait(fut, loop):
    """Cancel `fut` and wait until it is really done."""
    waiter = loop.create_future()
    waiter._kairos_awaiting = f'cancellation of {_describe_awaited(fut)}'
    cb = functools.partial(_release_waiter, waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    """Wait for one awaitable with a timeout; on timeout cancel it and raise TimeoutError."""
    loop = get_running_loop()

    if timeout is None:
        return await fut

    if timeout <= 0:
        fut = _ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc

    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = functools.partial(_release_waiter, waiter)

    fut = _ensure_future(fut, loop=loop)
    waiter._kairos_awaiting = f'wait_for({_describe_awaited(fut)})'
    fut.add_done_callback(cb)

    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut, loop=loop)
            raise

        if fut.done():
            return fut.result()
        fut.remove_done_callback(cb)
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


def as_completed(fs, *, timeout=None):
    """Iterator of coroutines that return the results in the order they complete.

    A generator, as in CPython: nothing (not even task creation) happens before
    the first iteration.
    """
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f'expect an iterable of futures, not {type(fs).__name__}')

    done = Queue()
    loop = _get_event_loop()
    todo = {}
    for f in _unique(fs):
        todo[_ensure_future(f, loop=loop)] = None
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)
        todo.clear()

    def _on_completion(f):
        if not todo:
            return
        del todo[f]
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


for _func, _def_line, _await_line in ((sleep, 637, 649), (wait_for, 436, 476), (wait, 399, 428),
                                      (_wait, 507, 535), (_cancel_and_wait, 551, 562),
                                      (_wrap_awaitable, 688, 694)):
    _register_cpython_coroutine(_func, 'tasks.py', _def_line, _await_line)
