"""The running-loop registry, the event-loop policy (get_event_loop() and
friends), AbstractEventLoop, and Handle/TimerHandle, as CPython 3.11's events."""

import _kairos
from _asyncio_format import _format_callback_source

# Scheduling events cost nothing unless an observer (--trace) listens.
_TRACING = _kairos.tracing()

_running_loop = [None]


def _get_running_loop():
    return _running_loop[0]


def _set_running_loop(loop):
    _running_loop[0] = loop


def get_running_loop():
    """Return the running event loop; RuntimeError if there is none."""
    loop = _running_loop[0]
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


class AbstractEventLoop:
    """Base class of event loops (for isinstance checks and type hints)."""
    __module__ = 'asyncio.events'


class AbstractEventLoopPolicy:
    """Base class of event-loop policies."""
    __module__ = 'asyncio.events'


class DefaultEventLoopPolicy(AbstractEventLoopPolicy):
    """One event loop for the (only) thread, created on first use."""
    __module__ = 'asyncio.unix_events'

    #: Set by _asyncio_loop: the event-loop class.
    _loop_factory = None

    def __init__(self):
        self._loop = None
        self._set_called = False

    def get_event_loop(self):
        if self._loop is None and not self._set_called:
            self.set_event_loop(self.new_event_loop())
        if self._loop is None:
            raise RuntimeError("There is no current event loop in thread 'MainThread'.")
        return self._loop

    def set_event_loop(self, loop):
        self._set_called = True
        if loop is not None and not isinstance(loop, AbstractEventLoop):
            raise TypeError('loop must be an instance of AbstractEventLoop or None, '
                            f"not '{type(loop).__name__}'")
        self._loop = loop

    def new_event_loop(self):
        return self._loop_factory()


DefaultEventLoopPolicy.__name__ = '_UnixDefaultEventLoopPolicy'
DefaultEventLoopPolicy.__qualname__ = '_UnixDefaultEventLoopPolicy'

_policy = [None]


def get_event_loop_policy():
    if _policy[0] is None:
        _policy[0] = DefaultEventLoopPolicy()
    return _policy[0]


def set_event_loop_policy(policy):
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError('policy must be an instance of AbstractEventLoopPolicy or None, '
                        f"not '{type(policy).__name__}'")
    _policy[0] = policy


def new_event_loop():
    return get_event_loop_policy().new_event_loop()


def set_event_loop(loop):
    get_event_loop_policy().set_event_loop(loop)


def get_event_loop():
    """The running loop, else the policy's loop (created on first use)."""
    loop = _running_loop[0]
    if loop is not None:
        return loop
    return get_event_loop_policy().get_event_loop()


_get_event_loop = get_event_loop


def _current_task_name():
    """Name of the task running on the running loop ('' outside tasks): for trace events."""
    loop = _running_loop[0]
    if loop is None or loop._current_task is None:
        return ''
    return loop._current_task.get_name()


class Handle:
    """A callback registered with call_soon()."""
    __module__ = 'asyncio.events'

    def __init__(self, callback, args, loop, context=None):
        self._loop = loop
        self._callback = callback
        self._args = args
        self._cancelled = False

    def _repr_info(self):
        info = [type(self).__name__]
        if self._cancelled:
            info.append('cancelled')
        if self._callback is not None:
            info.append(_format_callback_source(self._callback, self._args))
        return info

    def __repr__(self):
        return '<' + ' '.join(self._repr_info()) + '>'

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._report(exc)

    def _report(self, exc):
        """The callback raised `exc`: tell the loop's exception handler."""
        cb = _format_callback_source(self._callback, self._args)
        self._loop.call_exception_handler({
            'message': f'Exception in callback {cb}',
            'exception': exc,
            'handle': self,
        })


class TimerHandle(Handle):
    """A callback registered with call_later()/call_at()."""
    __module__ = 'asyncio.events'

    # Defaults kept on the class, so that 100,000 timers do not each store them.
    _scheduled = False
    # The task that set the timer, for --trace's timer events.
    _owner = ''

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        self._when = when
        if _TRACING:
            self._owner = _current_task_name()

    def _repr_info(self):
        info = super()._repr_info()
        info.insert(2 if self._cancelled else 1, f'when={self._when}')
        return info

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        super().cancel()

    def when(self):
        return self._when
