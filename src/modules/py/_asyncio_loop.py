"""asyncio's event loop on kairos's virtual clock, with its simulated executor
threads (loop.run_in_executor, asyncio.to_thread).

One iteration (`_run_once`) is CPython 3.11's BaseEventLoop._run_once: drop
cancelled timers at the head of the heap, "select", move due timers to the
ready queue, run the callbacks that were ready at that moment (FIFO). The
select step is where the virtual clock moves:

* every simulated thread that is due runs once (until it blocks in
  `time.sleep` or ends; a finished job hands its result over with call_soon,
  as call_soon_threadsafe would, and counts as running until then), whether
  it runs for this loop or for a concurrent.futures pool (`_simthreads`);
* if nothing is ready, the clock jumps to the earliest timer or thread wake-up;
* if there is neither, every task is stuck: `_kairos.deadlock` ends the run
  with a report of each pending task and what it awaits.

While no simulated thread exists and nothing traces, `run_forever` runs the
same iterations in Rust (`_asyncio_core.run_until_stopped`).

Timers due at the same instant fire in the order they were scheduled (the
heap is ordered by (when, sequence number)). Threads run in order of
(wake time, order in which they started or last blocked), each at most once
per select, which is what tools/vclock.py does for the CPython reference.
"""

import _asyncio_core
import _kairos
import functools
import sys
from _simthreads import SCHEDULER, label_of
from _asyncio_events import (
    AbstractEventLoop, DefaultEventLoopPolicy, Handle, TimerHandle, _get_running_loop,
    _set_running_loop, get_running_loop,
)
from _asyncio_format import _describe_awaited, _format_coroutine, _register_cpython_coroutine
from _asyncio_futures import Future
from _asyncio_coroutines import isfuture
from _asyncio_events import get_event_loop
from _asyncio_exceptions import CancelledError, InvalidStateError
from _asyncio_tasks import Task, _ensure_future, wait as _wait

# Scheduling events cost nothing unless an observer (--trace) listens.
_TRACING = _kairos.tracing()


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    fut.get_loop().stop()


def _chain_future(destination, source=None):
    """CPython's wrap_future() link from a thread's concurrent future `source` to
    the loop's `destination`: the outcome is copied over on the loop, and
    cancelling the destination cancels a job still queued. The callback shows in
    reprs (`cb=[_chain_future.<locals>._call_check_cancel() at ...]`). Without a
    source (the loop's own jobs, which always run at once) only that callback is
    added: a job already running cannot be cancelled."""
    loop = destination.get_loop()

    def _call_check_cancel(destination):
        if source is not None and destination.cancelled():
            source.cancel()

    def _call_set_state(source):
        if loop.is_closed():
            return
        loop.call_soon_threadsafe(_copy_future_state, source, destination)

    destination.add_done_callback(_call_check_cancel)
    if source is not None:
        source.add_done_callback(_call_set_state)


def _copy_future_state(source, destination):
    """A concurrent future's outcome onto an asyncio future (as CPython's
    _copy_future_state with _convert_future_exc)."""
    if destination.cancelled():
        return
    if source.cancelled():
        destination.cancel()
        return
    exception = source.exception()
    if exception is None:
        destination.set_result(source.result())
        return
    name = type(exception).__name__
    if type(exception).__module__ == 'concurrent.futures._base' and name == 'CancelledError':
        exception = CancelledError(*exception.args)
    elif type(exception).__module__ == 'concurrent.futures._base' and name == 'InvalidStateError':
        exception = InvalidStateError(*exception.args)
    destination.set_exception(exception)


def wrap_future(future, *, loop=None):
    """An asyncio future for a concurrent.futures.Future (that one itself if it
    is already an asyncio future)."""
    if isfuture(future):
        return future
    if loop is None:
        loop = get_event_loop()
    destination = loop.create_future()
    destination._kairos_awaiting = getattr(future, '_kairos_awaiting', repr(future))
    _chain_future(destination, future)
    return destination


class _UnixSelectorEventLoop(AbstractEventLoop):
    """The event loop (named as CPython's Unix loop, which shows in reprs)."""
    __module__ = 'asyncio.unix_events'

    def __init__(self):
        self._ready = []
        # Timers by due time, then scheduling order (_asyncio_core's heap).
        self._scheduled = _asyncio_core.timer_heap()
        self._clock_resolution = 1e-09
        self._stopping = False
        self._closed = False
        self._running = False
        self._debug = False
        self._current_task = None
        # Tasks in creation order. Finished ones are dropped in batches
        # (readers skip done tasks; `_asyncio_core.task_done`), since
        # deleting from the middle of a list one by one costs O(n) each.
        self._all_tasks = []
        self._live_at_prune = 0
        self._finished_since_prune = 0
        self._task_factory = None
        self._exception_handler = None
        self._default_executor = None
        self._executor_jobs = 0
        self._executor_shutdown_called = False
        self._shutdown_waiter = None
        self._unretrieved = []

    def __repr__(self):
        return (f'<{type(self).__name__} running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    # -- state ---------------------------------------------------------------

    def time(self):
        return _kairos.clock()

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _check_running(self):
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        if _get_running_loop() is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')

    # -- scheduling ----------------------------------------------------------

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        handle = Handle(callback, args, self, context)
        self._ready.append(handle)
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        return self.call_soon(callback, *args, context=context)

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError('delay must not be None')
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError('when cannot be None')
        if self._closed:
            raise RuntimeError('Event loop is closed')
        timer = TimerHandle(when, callback, args, self, context)
        _asyncio_core.timer_push(self._scheduled, when, timer)
        timer._scheduled = True
        _TRACING and _kairos.event('timer_scheduled', timer._owner, repr(when))
        return timer

    def _timer_handle_cancelled(self, handle):
        if handle._scheduled:
            _asyncio_core.timer_cancelled(self._scheduled)

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        if self._task_factory is None:
            return Task(coro, loop=self, name=name)
        task = self._task_factory(self, coro)
        if name is not None:
            task.set_name(name)
        return task

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError('task factory must be a callable or None')
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    # -- running -------------------------------------------------------------

    def run_forever(self):
        self._check_closed()
        self._check_running()
        _set_running_loop(self)
        self._running = True
        try:
            while True:
                if _TRACING or SCHEDULER.threads:
                    self._run_once()
                else:
                    # The same iterations in Rust, until a thread starts.
                    _asyncio_core.run_until_stopped(self, SCHEDULER.threads)
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._running = False
            _set_running_loop(None)

    def run_until_complete(self, future):
        self._check_closed()
        self._check_running()
        new_task = not (hasattr(type(future), '_asyncio_future_blocking')
                        and future._asyncio_future_blocking is not None)
        future = _ensure_future(future, loop=self)
        if new_task:
            future._log_destroy_pending = False
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def stop(self):
        self._stopping = True

    def close(self):
        """Close the loop; report futures whose exception nobody retrieved and
        tasks still pending (CPython reports both when they are garbage collected)."""
        if self.is_running():
            raise RuntimeError('Cannot close a running event loop')
        if self._closed:
            return
        self._closed = True
        self._ready = []
        self._scheduled = _asyncio_core.timer_heap()
        self._executor_shutdown_called = True
        self._report_unretrieved()
        self._report_pending_tasks()

    def _run_once(self):
        _asyncio_core.drop_cancelled_timers(self._scheduled)

        self._select()

        end_time = self.time() + self._clock_resolution
        for handle in _asyncio_core.due_timers(self._scheduled, end_time):
            self._ready.append(handle)
            if _TRACING and not handle._cancelled:
                _kairos.event('timer_fired', handle._owner, repr(handle._when))

        todo = self._ready
        self._ready = []
        _asyncio_core.run_ready(self, todo)

    def _select(self):
        """What CPython's selector.select(timeout) amounts to on the virtual clock."""
        if not SCHEDULER.threads:
            self._select_without_threads()
            return
        first = _asyncio_core.first_timer(self._scheduled)
        zero_timeout = (bool(self._ready) or self._stopping
                        or first is not None and not first > self.time())
        SCHEDULER.run_round()
        if zero_timeout or self._ready:
            return
        while not self._ready:
            timer = _asyncio_core.first_timer(self._scheduled)
            wake = SCHEDULER.next_wake()
            if timer is None and wake is None:
                self._deadlock()
            if timer is None or wake is not None and wake < timer:
                target = wake
            else:
                target = timer
            if target > self.time():
                _kairos.set_clock(target)
                _TRACING and _kairos.event('clock_advanced', '', repr(target))
            SCHEDULER.run_round()
            # `not >`: a NaN time is due at once, as CPython's timeout
            # max(0, when - now) is 0 for it.
            if timer is not None and not timer > self.time():
                break

    def _select_without_threads(self):
        """`_select` when no simulated thread exists: wait for the first timer."""
        if self._ready or self._stopping:
            return
        when = _asyncio_core.first_timer(self._scheduled)
        if when is None:
            self._deadlock()
        if when > _kairos.clock():
            _kairos.set_clock(when)
            _TRACING and _kairos.event('clock_advanced', '', repr(when))

    # -- simulated executor threads -------------------------------------------

    def run_in_executor(self, executor, func, *args):
        """Run `func(*args)` in a simulated thread; returns a Future for its result.
        With no executor (and no default one set) the job starts at once."""
        self._check_closed()
        if executor is None:
            executor = self._default_executor
        if executor is None:
            return self._start_job(func, args, {})
        job = executor.submit(func, *args)
        job._kairos_awaiting = f'thread running {label_of(func)}()'
        return wrap_future(job, loop=self)

    def set_default_executor(self, executor):
        self._default_executor = executor

    def _start_job(self, func, args, kwargs):
        """A job of the loop's own default executor (no worker limit)."""
        if self._executor_shutdown_called:
            raise RuntimeError('Executor shutdown has been called')
        future = self.create_future()
        label = label_of(func)
        future._kairos_awaiting = f'thread running {label}()'
        self._executor_jobs += 1

        def on_exit(kind, value):
            if not self.is_closed():
                self.call_soon(self._deliver_job_outcome, future, kind, value)

        SCHEDULER.start(func, args, kwargs, label, on_exit)
        _chain_future(future)
        return future

    def _deliver_job_outcome(self, future, kind, value):
        if not future.cancelled():
            if kind == 'done':
                future.set_result(value)
            else:
                future.set_exception(value)
        self._executor_jobs -= 1
        self._finish_executor_shutdown()

    def _finish_executor_shutdown(self):
        waiter = self._shutdown_waiter
        if waiter is not None and not self._executor_jobs and not waiter.done():
            waiter.set_result(None)

    async def shutdown_default_executor(self):
        """Wait (in virtual time) until every executor job has ended and been delivered."""
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is not None:
            await self._drain_executor(executor)
            executor.shutdown(wait=False)
        if not self._executor_jobs:
            return
        waiter = self.create_future()
        waiter._kairos_awaiting = 'executor threads to finish'
        self._shutdown_waiter = waiter
        await waiter

    async def _drain_executor(self, executor):
        """Wait until a pool's jobs, running or queued, have been delivered here."""
        while True:
            jobs = getattr(executor, '_live', []) + [q[0] for q in getattr(executor, '_queued', [])]
            pending = [f for f in jobs if not f.done()]
            if not pending:
                return
            await _wait([wrap_future(f, loop=self) for f in pending])

    async def shutdown_asyncgens(self):
        """Async generators are finalized by the VM; nothing to do here."""
        return None

    # -- errors ---------------------------------------------------------------

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, got {handler!r}')
        self._exception_handler = handler

    def default_exception_handler(self, context):
        """Print the context to stderr as CPython's logger does (message, keys, traceback)."""
        message = context.get('message')
        if not message:
            message = 'Unhandled exception in event loop'
        lines = [message]
        for key in sorted(context):
            if key in ('message', 'exception'):
                continue
            lines.append(f'{key}: {context[key]!r}')
        text = '\n'.join(lines)
        exception = context.get('exception')
        if exception is not None:
            trace = _kairos.format_exception(exception)
            if trace.endswith('\n'):
                trace = trace[:-1]
            text = text + '\n' + trace
        print(text, file=sys.stderr)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                _print_handler_failure('Exception in default exception handler', exc)
            return
        try:
            self._exception_handler(self, context)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            try:
                self.default_exception_handler({
                    'message': 'Unhandled error in exception handler',
                    'exception': exc,
                    'context': context,
                })
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as inner:
                _print_handler_failure('Exception in default exception handler while handling '
                                       'an unexpected error in custom exception handler', inner)

    def _note_unretrieved(self, future):
        self._unretrieved.append(future)

    def _report_unretrieved(self):
        """'X exception was never retrieved', oldest future first."""
        futures = self._unretrieved
        self._unretrieved = []
        for future in sorted(futures, key=_creation_order):
            if future._log_traceback:
                future._log_traceback = False
                self.call_exception_handler({
                    'message': f'{type(future).__name__} exception was never retrieved',
                    'exception': future._exception,
                    'future': future,
                })

    def _report_pending_tasks(self):
        """'Task was destroyed but it is pending!' (CPython says it when the task is
        garbage collected, usually at exit; the coroutine itself is left to the VM)."""
        for task in list(self._all_tasks):
            if task.done() or not task._log_destroy_pending:
                continue
            task._destroyed = True
            self.call_exception_handler({
                'task': task,
                'message': 'Task was destroyed but it is pending!',
            })

    # -- deadlock ---------------------------------------------------------------

    def _deadlock(self):
        _kairos.deadlock(self._deadlock_report())
        raise RuntimeError('deadlock')

    def _deadlock_report(self):
        lines = [f'deadlock at {self.time():.3f}s (virtual): nothing is ready to run, '
                 'no timer is pending and no thread can run (CPython would wait forever)']
        pending = [task for task in self._all_tasks if not task.done()]
        for task in pending:
            waiter = task._fut_waiter
            awaited = _describe_awaited(waiter) if waiter is not None else 'nothing'
            lines.append(f'  {task.get_name()}: {_format_coroutine(task.get_coro())}, '
                         f'awaiting {awaited}')
        if not pending:
            lines.append('  no task is pending: the loop runs forever and loop.stop() '
                         'is never called')
        return '\n'.join(lines)


def _creation_order(future):
    return future._kairos_seq


def _print_handler_failure(message, exc):
    print(message + '\n' + _kairos.format_exception(exc), end='', file=sys.stderr)


DefaultEventLoopPolicy._loop_factory = _UnixSelectorEventLoop


async def to_thread(func, *args, **kwargs):
    """Run `func(*args, **kwargs)` in a simulated thread and await its result."""
    loop = get_running_loop()
    if loop._default_executor is None:
        return await loop._start_job(func, args, kwargs)
    return await loop.run_in_executor(None, functools.partial(func, *args, **kwargs))


_register_cpython_coroutine(to_thread, 'threads.py', 12, 25)
