"""concurrent.futures for kairos: thread pools whose jobs run as simulated
threads on the virtual clock (see `_simthreads`), as tools/vclock.py runs
CPython's.

A pool's jobs run only while the main program waits (the event loop's select
step, Future.result()/exception(), wait(), as_completed(), shutdown(), exit),
each until it blocks in time.sleep or on a future, or ends. At most
`max_workers` jobs run at once (no limit by default, as in the reference);
queued jobs start in submission order as running ones end.
"""

import _kairos
import sys
from _simthreads import SCHEDULER, label_of
from collections import namedtuple

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

_PENDING = 'PENDING'
_RUNNING = 'RUNNING'
_CANCELLED = 'CANCELLED'
_CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
_FINISHED = 'FINISHED'
_DONE_STATES = (_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED)
_DESCRIPTIONS = {
    _PENDING: 'pending', _RUNNING: 'running', _CANCELLED: 'cancelled',
    _CANCELLED_AND_NOTIFIED: 'cancelled', _FINISHED: 'finished',
}

TimeoutError = TimeoutError


class Error(Exception):
    """Base class for all future-related exceptions."""
    __module__ = 'concurrent.futures._base'


class CancelledError(Error):
    """The Future was cancelled."""
    __module__ = 'concurrent.futures._base'


class InvalidStateError(Error):
    """The operation is not allowed in this state."""
    __module__ = 'concurrent.futures._base'


class BrokenExecutor(RuntimeError):
    """Raised when an executor has become non-functional after a severe failure."""
    __module__ = 'concurrent.futures._base'


class BrokenThreadPool(BrokenExecutor):
    """Raised when a worker thread in a ThreadPoolExecutor failed initializing."""
    __module__ = 'concurrent.futures.thread'


DoneAndNotDoneFutures = namedtuple('DoneAndNotDoneFutures', 'done not_done',
                                   module='concurrent.futures._base')

#: Completion stamps of pool futures, for as_completed (the reference's order).
_completions = [0]


class Future:
    """The result of a computation that runs in a thread."""
    __module__ = 'concurrent.futures._base'

    def __init__(self):
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._done_callbacks = []
        self._done_order = None
        self._stamps_completion = False

    def __repr__(self):
        state = _DESCRIPTIONS[self._state]
        if self._state == _FINISHED:
            if self._exception:
                return (f'<{type(self).__name__} at {id(self):#x} state={state} raised '
                        f'{type(self._exception).__name__}>')
            return (f'<{type(self).__name__} at {id(self):#x} state={state} returned '
                    f'{type(self._result).__name__}>')
        return f'<{type(self).__name__} at {id(self):#x} state={state}>'

    def _invoke_callbacks(self):
        if self._stamps_completion:
            self._done_order = _completions[0]
            _completions[0] += 1
        for callback in self._done_callbacks:
            self._call(callback)

    def _call(self, callback):
        try:
            callback(self)
        except Exception as exc:
            _log_exception(f'exception calling callback for {self!r}', exc)

    def cancel(self):
        if self._state in (_RUNNING, _FINISHED):
            return False
        if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED):
            return True
        self._state = _CANCELLED
        self._invoke_callbacks()
        return True

    def cancelled(self):
        return self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED)

    def running(self):
        return self._state == _RUNNING

    def done(self):
        return self._state in _DONE_STATES

    def add_done_callback(self, fn):
        if self._state not in _DONE_STATES:
            self._done_callbacks.append(fn)
            return
        self._call(fn)

    def result(self, timeout=None):
        self._wait(timeout)
        if self._exception:
            raise self._exception
        return self._result

    def exception(self, timeout=None):
        self._wait(timeout)
        return self._exception

    def _wait(self, timeout):
        """Block until done (the simulated threads run meanwhile); raise if it
        was cancelled or is still not done after `timeout`."""
        if self._state not in _DONE_STATES:
            SCHEDULER.wait(self.done, timeout)
        if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED):
            raise CancelledError()
        if self._state != _FINISHED:
            raise TimeoutError()

    def set_running_or_notify_cancel(self):
        if self._state == _CANCELLED:
            self._state = _CANCELLED_AND_NOTIFIED
            return False
        if self._state == _PENDING:
            self._state = _RUNNING
            return True
        raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        if self._state in _DONE_STATES:
            raise InvalidStateError(f'{self._state}: {self!r}')
        self._result = result
        self._state = _FINISHED
        self._invoke_callbacks()

    def set_exception(self, exception):
        if self._state in _DONE_STATES:
            raise InvalidStateError(f'{self._state}: {self!r}')
        self._exception = exception
        self._state = _FINISHED
        self._invoke_callbacks()


def _log_exception(message, exc):
    """What CPython's logging prints with no handler configured: the message,
    then the traceback."""
    print(message + '\n' + _kairos.format_exception(exc), end='', file=sys.stderr)


class Executor:
    """Base class of executors: submit() is the one method to provide."""
    __module__ = 'concurrent.futures._base'

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Submit every call at once; yield their results in order."""
        end_time = None if timeout is None else timeout + _kairos.clock()
        futures = [self.submit(fn, *args) for args in zip(*iterables)]
        return _results_in_order(futures, end_time)

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


def _results_in_order(futures, end_time):
    """Executor.map's iterator: each result in turn; the rest are cancelled if
    one fails or the iterator is dropped."""
    try:
        futures.reverse()
        while futures:
            future = futures.pop()
            try:
                if end_time is None:
                    yield future.result()
                else:
                    yield future.result(end_time - _kairos.clock())
            finally:
                future.cancel()
    finally:
        for future in futures:
            future.cancel()


class ThreadPoolExecutor(Executor):
    """Runs each job as a simulated thread, at most `max_workers` at once."""
    __module__ = 'concurrent.futures.thread'

    _counter = [0]

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is not None and max_workers <= 0:
            raise ValueError('max_workers must be greater than 0')
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._max_workers = max_workers
        if not thread_name_prefix:
            thread_name_prefix = f'ThreadPoolExecutor-{self._counter[0]}'
            self._counter[0] += 1
        self._thread_name_prefix = thread_name_prefix
        self._initializer = initializer
        self._initargs = initargs
        self._queued = []
        self._busy_slots = set()
        self._live = []
        self._shutdown = False

    def submit(self, fn, /, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError('cannot schedule new futures after shutdown')
        future = Future()
        future._stamps_completion = True
        self._queued.append((future, fn, args, kwargs))
        self._start_queued()
        return future

    def _free_slot(self):
        slot = 0
        while slot in self._busy_slots:
            slot += 1
        if self._max_workers is not None and slot >= self._max_workers:
            return None
        return slot

    def _start_queued(self):
        """Start queued jobs, oldest first, while a worker slot is free."""
        while self._queued:
            slot = self._free_slot()
            if slot is None:
                return
            future, fn, args, kwargs = self._queued.pop(0)
            if not future.set_running_or_notify_cancel():
                continue
            self._busy_slots.add(slot)
            self._live.append(future)
            if self._initializer is not None:
                args = (self._initializer, self._initargs, fn, args, kwargs)
                fn, kwargs = _initialized_call, {}

            def on_exit(kind, value, slot=slot, future=future):
                self._job_ended(slot, future, kind, value)

            SCHEDULER.start(fn, args, kwargs, label_of(fn), on_exit)

    def _job_ended(self, slot, future, kind, value):
        if kind == 'done':
            future.set_result(value)
        else:
            future.set_exception(value)
        self._busy_slots.discard(slot)
        self._live.remove(future)
        self._start_queued()

    def _idle(self):
        return not self._live and not self._queued

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        if cancel_futures:
            for future, *_ in self._queued:
                future.cancel()
            self._queued.clear()
        if wait:
            SCHEDULER.wait(self._idle)


def _initialized_call(initializer, initargs, fn, args, kwargs):
    initializer(*initargs)
    return fn(*args, **kwargs)


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Wait until the futures are done (or the first one, or the first failure);
    returns the named pair of sets (done, not_done)."""
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return condition: {return_when!r}')
    fs = set(fs)

    def finished():
        done = [f for f in fs if f.done()]
        if return_when == FIRST_COMPLETED:
            return bool(done)
        if return_when == FIRST_EXCEPTION:
            if any(not f.cancelled() and f._exception is not None for f in done):
                return True
        return len(done) == len(fs)

    SCHEDULER.wait(finished, timeout)
    done = {f for f in fs if f.done()}
    return DoneAndNotDoneFutures(done, fs - done)


def as_completed(fs, timeout=None):
    """Yield the futures as they finish (those already done first, in the
    order they finished); TimeoutError if `timeout` runs out first."""
    pending = list(dict.fromkeys(fs))
    total = len(pending)
    deadline = None if timeout is None else _kairos.clock() + timeout
    while pending:
        done = sorted((f for f in pending if f.done()), key=_completion_order)
        if not done:
            left = None if deadline is None else deadline - _kairos.clock()
            if not SCHEDULER.wait(lambda: any(f.done() for f in pending), left):
                raise TimeoutError(f'{len(pending)} (of {total}) futures unfinished')
            continue
        for future in done:
            pending.remove(future)
            yield future


def _completion_order(future):
    return future._done_order or 0


__all__ = (
    'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'CancelledError', 'TimeoutError',
    'InvalidStateError', 'BrokenExecutor', 'Future', 'Executor', 'wait', 'as_completed',
    'ThreadPoolExecutor',
)
