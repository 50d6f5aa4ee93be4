"""asyncio's exceptions (named as in CPython's asyncio.exceptions module)."""


class CancelledError(BaseException):
    """The Future or Task was cancelled."""
    __module__ = 'asyncio.exceptions'


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""
    __module__ = 'asyncio.exceptions'


class BrokenBarrierError(RuntimeError):
    """Barrier is broken by barrier.abort() call."""
    __module__ = 'asyncio.exceptions'


#: In 3.11 asyncio.TimeoutError is the builtin TimeoutError.
TimeoutError = TimeoutError
