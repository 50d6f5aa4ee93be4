"""The repr helpers of CPython 3.11's asyncio (format_helpers, _format_coroutine,
Future callback lists) and the description of what a task awaits.

asyncio's own functions appear in reprs under CPython's file names and line
numbers (CPython prints its stdlib paths there), see CPYTHON_ASYNCIO_DIR.
"""

import functools
import reprlib

#: Where CPython's own asyncio sources live on the reference machine. CPython
#: prints these paths in reprs of internal callbacks (for example the main
#: task's `cb=[_run_until_complete_cb() at .../base_events.py:180]`).
CPYTHON_ASYNCIO_DIR = '/root/.pyenv/versions/3.11.7/lib/python3.11/asyncio'

#: Internal callbacks that show up in Future reprs: qualname -> (file, line) of
#: their definition in CPython 3.11.7.
_CPYTHON_SOURCES = {
    '_run_until_complete_cb': ('base_events.py', 180),
    '_set_result_unless_cancelled': ('futures.py', 311),
    '_chain_future.<locals>._set_state': ('futures.py', 381),
    '_chain_future.<locals>._call_check_cancel': ('futures.py', 387),
    '_chain_future.<locals>._call_set_state': ('futures.py', 394),
    '_release_waiter': ('tasks.py', 431),
    '_wait.<locals>._on_completion': ('tasks.py', 519),
    'as_completed.<locals>._on_timeout': ('tasks.py', 596),
    'as_completed.<locals>._on_completion': ('tasks.py', 602),
    'gather.<locals>._done_callback': ('tasks.py', 764),
    'shield.<locals>._inner_done_callback': ('tasks.py', 891),
    'shield.<locals>._outer_done_callback': ('tasks.py', 908),
}

_INTERNAL_MODULES = ('_asyncio_coroutines', '_asyncio_events', '_asyncio_exceptions',
                     '_asyncio_format', '_asyncio_futures', '_asyncio_locks', '_asyncio_loop',
                     '_asyncio_queues', '_asyncio_runners', '_asyncio_structured',
                     '_asyncio_tasks', 'asyncio')

#: asyncio's own coroutine functions that tasks may run (asyncio.sleep(),
#: event.wait(), ...): id(code) -> (CPython file, line of the def, line of the
#: await where it usually waits), so their reprs name CPython's source lines.
_CPYTHON_COROUTINES = {}


def _register_cpython_coroutine(func, filename, def_line, await_line):
    code = func.__code__
    _CPYTHON_COROUTINES[id(code)] = (code, CPYTHON_ASYNCIO_DIR + '/' + filename, def_line,
                                     await_line)


def _format_coroutine(coro, as_done=False):
    """`main() running at x.py:5` / `main() done, defined at x.py:3`, as CPython.
    `as_done` formats a suspended coroutine as if it had been closed."""
    name = getattr(coro, '__qualname__', None) or getattr(coro, '__name__', None)
    if not name:
        name = f'<{type(coro).__name__} without __name__>'
    name = name + '()'
    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
    if code is None:
        running = getattr(coro, 'cr_running', None) or getattr(coro, 'gi_running', False)
        return f'{name} running' if running else name
    frame = None if as_done else getattr(coro, 'cr_frame', None) or getattr(coro, 'gi_frame', None)
    filename = code.co_filename or '<empty co_filename>'
    def_line = code.co_firstlineno
    line = frame.f_lineno if frame is not None else def_line
    known = _CPYTHON_COROUTINES.get(id(code))
    if known is not None and known[0] is code:
        filename = known[1]
        line = known[2] if line == def_line else known[3]
        def_line = known[2]
    if frame is not None:
        return f'{name} running at {filename}:{line}'
    return f'{name} done, defined at {filename}:{def_line}'


# ---------------------------------------------------------------------------
# Callback formatting (Future and Handle reprs, "Exception in callback ...")
# ---------------------------------------------------------------------------

def _get_function_source(func):
    while hasattr(func, '__wrapped__'):
        func = func.__wrapped__
    if isinstance(func, functools.partial):
        return _get_function_source(func.func)
    if hasattr(func, '__self__'):
        return None
    code = getattr(func, '__code__', None)
    if code is None:
        return None
    qualname = getattr(func, '__qualname__', '')
    if getattr(func, '__module__', None) in _INTERNAL_MODULES and qualname in _CPYTHON_SOURCES:
        filename, line = _CPYTHON_SOURCES[qualname]
        return (CPYTHON_ASYNCIO_DIR + '/' + filename, line)
    return (code.co_filename, code.co_firstlineno)


def _format_args_and_kwargs(args, kwargs):
    items = []
    if args:
        for arg in args:
            items.append(reprlib.repr(arg))
    if kwargs:
        for key, value in kwargs.items():
            items.append(f'{key}={reprlib.repr(value)}')
    return '(' + ', '.join(items) + ')'


def _format_callback(func, args, kwargs, suffix=''):
    if isinstance(func, functools.partial):
        suffix = _format_args_and_kwargs(args, kwargs) + suffix
        return _format_callback(func.func, func.args, func.keywords, suffix)
    qualname = getattr(func, '__qualname__', None)
    name = getattr(func, '__name__', None)
    if qualname:
        func_repr = qualname
    elif name:
        func_repr = name
    else:
        func_repr = repr(func)
    return func_repr + _format_args_and_kwargs(args, kwargs) + suffix


def _format_callback_source(func, args):
    func_repr = _format_callback(func, args, None)
    source = _get_function_source(func)
    if source:
        func_repr += f' at {source[0]}:{source[1]}'
    return func_repr


def _format_callbacks(callbacks):
    size = len(callbacks)
    if size == 1:
        text = _format_callback_source(callbacks[0], ())
    elif size == 2:
        text = (_format_callback_source(callbacks[0], ()) + ', '
                + _format_callback_source(callbacks[1], ()))
    else:
        text = (_format_callback_source(callbacks[0], ()) + f', <{size - 2} more>, '
                + _format_callback_source(callbacks[-1], ()))
    return f'cb=[{text}]'


def _describe_awaited(fut):
    """What a task suspended on `fut` waits for, as the trace and deadlock report say it."""
    if hasattr(fut, 'get_name') and hasattr(fut, 'get_coro'):
        return fut.get_name()
    delay = getattr(fut, '_kairos_sleep', None)
    if delay is not None:
        return f'sleep({delay!r})'
    return getattr(fut, '_kairos_awaiting', type(fut).__name__)
