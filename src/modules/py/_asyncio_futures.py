"""asyncio.Future, as CPython 3.11's C implementation (_asyncio.Future)."""

import _asyncio_core
import reprlib
from _asyncio_events import _get_event_loop
from _asyncio_exceptions import CancelledError, InvalidStateError
from _asyncio_format import _format_callbacks

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


class Future:
    """A result that will be available later; awaiting it suspends the task.

    Error messages are those of CPython's C implementation (_asyncio.Future).
    """
    __module__ = '_asyncio'

    _state = _PENDING
    _result = None
    _exception = None
    _loop = None
    _cancel_message = None
    _cancelled_exc = None
    # Marks Future-compatible objects; True while a task is being suspended on it.
    _asyncio_future_blocking = False
    # True while an exception is set that nobody has retrieved.
    _log_traceback = False
    # Done callbacks: the first, then a list of any others (as CPython's C
    # Future; kept by _asyncio_core).
    _callback0 = None
    _callbacks = None
    # What a task suspended on this future waits for (trace and deadlock report).
    _kairos_awaiting = 'Future'

    # The methods every task switch uses are CPython's C ones, in Rust.
    __init__ = _asyncio_core.future_init
    done = _asyncio_core.future_done
    cancelled = _asyncio_core.future_cancelled
    result = _asyncio_core.future_result
    exception = _asyncio_core.future_exception
    set_result = _asyncio_core.future_set_result
    add_done_callback = _asyncio_core.future_add_done_callback
    remove_done_callback = _asyncio_core.future_remove_done_callback

    @classmethod
    def __class_getitem__(cls, item):
        return cls

    def _repr_info(self):
        info = [self._state.lower()]
        if self._state == _FINISHED:
            if self._exception is not None:
                info.append(f'exception={self._exception!r}')
            else:
                info.append(f'result={reprlib.repr(self._result)}')
        callbacks = _asyncio_core.future_callbacks(self)
        if callbacks:
            info.append(_format_callbacks(callbacks))
        return info

    def __repr__(self):
        return f'<{type(self).__name__} ' + ' '.join(self._repr_info()) + '>'

    def get_loop(self):
        loop = self._loop
        if loop is None:
            raise RuntimeError('Future object is not initialized.')
        return loop

    def _make_cancelled_error(self):
        """The CancelledError to raise; only call once per cancellation."""
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        self._log_traceback = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        _asyncio_core.schedule_callbacks(self)

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError('invalid state')
        if isinstance(exception, type):
            exception = exception()
        if not isinstance(exception, BaseException):
            raise TypeError('invalid exception object')
        if type(exception) is StopIteration:
            raise TypeError('StopIteration interacts badly with generators '
                            'and cannot be raised into a Future')
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()
        self._log_traceback = True
        self._loop._note_unretrieved(self)

    # Yields the future while it is pending, then returns its result (or
    # raises its exception): CPython's FutureIter, written in Rust.
    __await__ = _asyncio_core.future_await
    __iter__ = __await__


_asyncio_core.register_future(Future, InvalidStateError, _get_event_loop)


def _set_result_unless_cancelled(fut, result):
    """Helper for sleep(): set the result only if the future is still pending."""
    if fut.cancelled():
        return
    fut.set_result(result)
