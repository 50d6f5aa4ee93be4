"""iscoroutine(), iscoroutinefunction() and isfuture(), as CPython 3.11's."""

import functools


async def _probe_coroutine():
    pass


def _probe_generator():
    yield


def _native_types():
    coro = _probe_coroutine()
    gen = _probe_generator()
    native = (type(coro), type(gen))
    coro.close()
    gen.close()
    return native


_COROUTINE_TYPES = _native_types()

#: Marker that old-style decorated coroutine functions carry (CPython has it too).
_is_coroutine = object()


def iscoroutine(obj):
    """True for coroutine objects (and generators, as CPython 3.11 accepts them)."""
    if isinstance(obj, _COROUTINE_TYPES):
        return True
    cls = type(obj)
    return (hasattr(cls, '__await__') and hasattr(cls, 'send') and hasattr(cls, 'throw')
            and hasattr(cls, 'close'))


def iscoroutinefunction(func):
    """True for `async def` functions (also through bound methods and partials)."""
    if getattr(func, '_is_coroutine', None) is _is_coroutine:
        return True
    while isinstance(func, functools.partial):
        func = func.func
    func = getattr(func, '__func__', func)
    code = getattr(func, '__code__', None)
    if code is None:
        return False
    return bool(code.co_flags & 0x80)


def isfuture(obj):
    """True for Futures and duck-typed futures (objects with _asyncio_future_blocking)."""
    return (hasattr(type(obj), '_asyncio_future_blocking')
            and obj._asyncio_future_blocking is not None)
