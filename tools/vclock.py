#!/usr/bin/env python3
"""Run a Python 3.11 program under CPython on the virtual clock of SPEC §1.

    python3 tools/vclock.py [--quiet] FILE.py

This is the reference that kairos is compared with. The program runs as
``__main__`` from its own folder, compiled under its bare file name (so
tracebacks say ``File "x.py", line 3``), with:

* one virtual clock (a float starting at 0.0) behind ``loop.time()``,
  ``time.time/perf_counter/monotonic`` (+ ``_ns``) and the wall-clock views
  (``time.localtime/gmtime/strftime/ctime/asctime``, ``datetime.now`` ...),
  read as seconds since 1970-01-01 UTC;
* an event loop whose selector jumps the clock to the next event instead of
  waiting, and whose timers due at the same instant fire in scheduling order;
* ``time.sleep`` that advances the clock at once on the loop (driver) thread;
* a deterministic thread model for executor jobs (see ``VirtualThreads``).

Two processes: this launcher starts a child interpreter (this same file with
``--child``) and prints ``elapsed: X.XXXs (virtual)`` to stderr only after the
child has exited, so every line CPython prints during shutdown (such as
``sys:1: RuntimeWarning: coroutine ... was never awaited``) comes first. The
child reports its final clock through an inherited pipe. Exit status is the
program's. A deadlock (nothing ready, no timer, no thread that can run) stops
the child with a message on stderr and exit status 1 instead of hanging.
"""

import os
import subprocess
import sys

CHILD_FLAG = "--child"
REPORT_FD_VAR = "VCLOCK_REPORT_FD"
USAGE = "usage: vclock.py [--quiet] FILE.py"


def launch(argv):
    """Parent side: run FILE in a child interpreter and report elapsed time."""
    if sys.version_info[:2] != (3, 11):
        print(f"vclock: the reference is CPython 3.11, this is {sys.version.split()[0]}", file=sys.stderr)
        return 2
    quiet = "--quiet" in argv
    files = [a for a in argv if a != "--quiet"]
    if len(files) != 1 or files[0].startswith("-"):
        print(USAGE, file=sys.stderr)
        return 2
    path = os.path.abspath(files[0])
    if not os.path.isfile(path):
        print(f"vclock: no such file: {files[0]}", file=sys.stderr)
        return 2
    read_end, write_end = os.pipe()
    env = dict(os.environ, TZ="UTC")
    env[REPORT_FD_VAR] = str(write_end)
    command = [sys.executable, os.path.abspath(__file__), CHILD_FLAG, os.path.basename(path)]
    try:
        child = subprocess.run(command, cwd=os.path.dirname(path), env=env, pass_fds=(write_end,))
    finally:
        os.close(write_end)
    with os.fdopen(read_end, "rb") as report:
        final_clock = report.read().decode().strip()
    if final_clock and not quiet:
        sys.stderr.write(f"elapsed: {float(final_clock):.3f}s (virtual)\n")
    status = child.returncode
    return 128 - status if status < 0 else status


if __name__ == "__main__" and sys.argv[1:2] != [CHILD_FLAG]:
    sys.exit(launch(sys.argv[1:]))


# ---------------------------------------------------------------------------
# Child side. Everything below runs only in the child interpreter.
# ---------------------------------------------------------------------------

# Import every module that captures time functions at import time *before*
# patching `time`, so their internal (real) timeouts keep working.
import atexit  # noqa: E402
import builtins  # noqa: E402
import concurrent.futures  # noqa: E402
import concurrent.futures.thread  # noqa: E402
import datetime  # noqa: E402
import heapq  # noqa: E402
import itertools  # noqa: E402
import selectors  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
import types  # noqa: E402
import asyncio  # noqa: E402
import asyncio.unix_events  # noqa: E402
from concurrent.futures._base import DoneAndNotDoneFutures  # noqa: E402

_real_sleep = time.sleep
_real_monotonic = time.monotonic
_real_localtime = time.localtime
_real_gmtime = time.gmtime
_real_strftime = time.strftime
_real_ctime = time.ctime
_real_asctime = time.asctime
_RealDatetime = datetime.datetime
_RealDate = datetime.date

#: Real seconds a worker may run without yielding before we give up on it
#: (it is blocked on something the virtual model does not know about).
WATCHDOG_SECONDS = 60.0
_NO_ARG = object()


class Clock:
    """The one virtual clock: seconds since start, also read as seconds since 1970 UTC."""

    now = 0.0


#: The pipe to the launcher (a list so `report_clock` can close it once).
_report_fd = [None]


def report_clock():
    """Send the final clock to the launcher (once; later calls do nothing)."""
    fd = _report_fd[0]
    if fd is None:
        return
    _report_fd[0] = None
    try:
        os.write(fd, repr(Clock.now).encode())
        os.close(fd)
    except OSError:
        pass


def die(message):
    """Stop at once with exit status 1 (deadlock, stuck thread): CPython would hang."""
    try:
        sys.stdout.flush()
    except Exception:
        pass
    try:
        sys.stderr.write(f"vclock: {message}\n")
        sys.stderr.flush()
    except Exception:
        pass
    report_clock()
    os._exit(1)


# ---------------------------------------------------------------------------
# Deterministic threads
# ---------------------------------------------------------------------------


class Worker:
    """One executor job running on its own real thread, scheduled by a baton.

    `wake` is the virtual time at which a sleeping worker may run again
    (None: waits without a deadline); `until` is a predicate that makes a
    waiting worker runnable early; `order` breaks ties between equal wakes.
    """

    __slots__ = ("wake", "until", "order", "ran_in_round")

    def __init__(self, wake, order):
        self.wake = wake
        self.until = None
        self.order = order
        self.ran_in_round = -1


class VirtualThreads:
    """Runs executor jobs one at a time, only while the driver thread waits.

    The driver is the main thread (which runs the event loop). Workers run
    only while the driver is inside the selector or another blocking wait
    (`Future.result`, `concurrent.futures.wait`, executor shutdown). Each
    worker runs until it blocks in a virtual `time.sleep`, waits on a
    future, or finishes. Runnable workers run in order of (time they became
    runnable, sequence number); each runs at most once per round, and one
    round happens each time the driver waits.
    """

    def __init__(self):
        self.cond = threading.Condition(threading.Lock())
        self.holder = None
        self.workers = []
        self.order = itertools.count()
        self.round = 0
        self.local = threading.local()

    def current(self):
        return getattr(self.local, "worker", None)

    # -- worker side -------------------------------------------------------

    def add(self):
        worker = Worker(Clock.now, next(self.order))
        with self.cond:
            self.workers.append(worker)
        return worker

    def enter(self, worker):
        """Called first on the worker's own thread: wait for the baton."""
        self.local.worker = worker
        with self.cond:
            while self.holder is not worker:
                self.cond.wait()

    def finish(self, worker):
        with self.cond:
            self.workers.remove(worker)
            self.holder = None
            self.cond.notify_all()

    def block(self, worker, wake, until=None):
        """Give the baton back until `wake` (virtual time) or until `until()`."""
        with self.cond:
            worker.wake = wake
            worker.until = until
            worker.order = next(self.order)
            self.holder = None
            self.cond.notify_all()
            while self.holder is not worker:
                self.cond.wait()
            worker.until = None

    # -- driver side -------------------------------------------------------

    def is_due(self, worker):
        if worker.wake is not None and worker.wake <= Clock.now:
            return True
        return worker.until is not None and worker.until()

    def due_key(self, worker):
        if worker.wake is not None and worker.wake <= Clock.now:
            return (worker.wake, worker.order)
        return (Clock.now, worker.order)

    def run_round(self):
        """Run every due worker once, in key order. Returns True if any ran."""
        self.round += 1
        ran = False
        while True:
            due = [w for w in self.workers if w.ran_in_round != self.round and self.is_due(w)]
            if not due:
                return ran
            worker = min(due, key=self.due_key)
            worker.ran_in_round = self.round
            self.run(worker)
            ran = True

    def run(self, worker):
        with self.cond:
            self.holder = worker
            self.cond.notify_all()
            deadline = _real_monotonic() + WATCHDOG_SECONDS
            while self.holder is worker:
                left = deadline - _real_monotonic()
                if left <= 0:
                    die("an executor thread blocked on something outside the virtual clock "
                        f"for {WATCHDOG_SECONDS:.0f} real seconds")
                self.cond.wait(left)

    def next_wake(self):
        """Earliest virtual time at which some worker becomes runnable (or None)."""
        times = [Clock.now if self.is_due(w) else w.wake for w in self.workers]
        times = [t for t in times if t is not None]
        return min(times) if times else None

    def drive_until(self, done, timeout=None):
        """Block the driver until `done()`: run workers, jump the clock between them.

        Returns False if the virtual `timeout` ran out first.
        """
        deadline = None if timeout is None else Clock.now + timeout
        while not done():
            if self.run_round():
                continue
            wake = self.next_wake()
            if deadline is not None and (wake is None or wake > deadline):
                Clock.now = max(Clock.now, deadline)
                return done()
            if wake is None:
                die("deadlock: the main thread waits for a result that no thread or task "
                    "can produce (CPython would hang here)")
            Clock.now = max(Clock.now, wake)
        return True

    def wait(self, done, timeout=None):
        """Wait for `done()` from any thread. Returns done()."""
        if done():
            return True
        worker = self.current()
        if worker is None:
            return self.drive_until(done, timeout)
        wake = None if timeout is None else Clock.now + timeout
        self.block(worker, wake, done)
        return done()


THREADS = VirtualThreads()


class VirtualThreadPoolExecutor(concurrent.futures.Executor):
    """ThreadPoolExecutor whose jobs run as deterministic virtual threads.

    Each job gets its own real thread, parked on the baton. At most
    `max_workers` jobs run at once; without a limit (the default) every job
    starts at once. Threads are named `prefix_N` as in CPython; a job takes
    the lowest-numbered idle slot, as CPython reuses an idle thread before
    starting a new one.
    """

    _counter = itertools.count()

    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        if max_workers is not None and max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._thread_name_prefix = thread_name_prefix or f"ThreadPoolExecutor-{next(self._counter)}"
        self._initializer = initializer
        self._initargs = initargs
        self._queued = []
        self._busy_slots = set()
        self._live = []
        self._shutdown = False

    def submit(self, fn, /, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        future = concurrent.futures.Future()
        _stamp_completion_order(future)
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
        while self._queued:
            slot = self._free_slot()
            if slot is None:
                return
            future, fn, args, kwargs = self._queued.pop(0)
            if not future.set_running_or_notify_cancel():
                continue
            self._busy_slots.add(slot)
            worker = THREADS.add()
            self._live.append(future)
            name = f"{self._thread_name_prefix}_{slot}"
            thread = threading.Thread(target=self._job, args=(worker, slot, future, fn, args, kwargs),
                                      name=name, daemon=True)
            thread.start()

    def _job(self, worker, slot, future, fn, args, kwargs):
        THREADS.enter(worker)
        try:
            if self._initializer is not None:
                self._initializer(*self._initargs)
            result = fn(*args, **kwargs)
        except BaseException as exc:
            future.set_exception(exc)
        else:
            future.set_result(result)
        finally:
            self._busy_slots.discard(slot)
            self._live.remove(future)
            self._start_queued()
            THREADS.finish(worker)

    def _idle(self):
        return not self._live and not self._queued

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        if cancel_futures:
            for future, *_ in self._queued:
                future.cancel()
            self._queued.clear()
        if wait:
            THREADS.wait(self._idle)


def _stamp_completion_order(future):
    """Record the order in which futures finish (for as_completed)."""
    future._vclock_done_order = None

    def stamp(done_future):
        done_future._vclock_done_order = next(_done_order)

    future.add_done_callback(stamp)


_done_order = itertools.count()
_real_future_result = concurrent.futures.Future.result
_real_future_exception = concurrent.futures.Future.exception


def _future_result(self, timeout=None):
    THREADS.wait(self.done, timeout)
    return _real_future_result(self, 0 if not self.done() else None)


def _future_exception(self, timeout=None):
    THREADS.wait(self.done, timeout)
    return _real_future_exception(self, 0 if not self.done() else None)


def _futures_wait(fs, timeout=None, return_when=concurrent.futures.ALL_COMPLETED):
    fs = set(fs)

    def finished():
        done = [f for f in fs if f.done()]
        if return_when == concurrent.futures.FIRST_COMPLETED:
            return bool(done)
        if return_when == concurrent.futures.FIRST_EXCEPTION:
            if any(not f.cancelled() and f.exception(0) is not None for f in done):
                return True
        return len(done) == len(fs)

    THREADS.wait(finished, timeout)
    done = {f for f in fs if f.done()}
    return DoneAndNotDoneFutures(done, fs - done)


def _futures_as_completed(fs, timeout=None):
    pending = list(dict.fromkeys(fs))
    total = len(pending)
    deadline = None if timeout is None else Clock.now + timeout

    def order(future):
        return getattr(future, "_vclock_done_order", None) or 0  # unstamped: set by hand

    while pending:
        done = sorted((f for f in pending if f.done()), key=order)
        if not done:
            left = None if deadline is None else deadline - Clock.now
            if not THREADS.wait(lambda: any(f.done() for f in pending), left):
                raise concurrent.futures.TimeoutError(f"{len(pending)} (of {total}) futures unfinished")
            continue
        for future in done:
            pending.remove(future)
            yield future


def _exit_wait_for_workers():
    """Like CPython's exit hook for thread pools: wait for running jobs."""
    THREADS.wait(lambda: not THREADS.workers)


# ---------------------------------------------------------------------------
# Event loop
# ---------------------------------------------------------------------------


class TimerHandle(asyncio.TimerHandle):
    """A timer that breaks ties between equal deadlines by scheduling order."""

    __slots__ = ("_seq",)
    _next_seq = itertools.count()

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(when, callback, args, loop, context)
        self._seq = next(self._next_seq)

    def _key(self):
        return (self._when, self._seq)

    def __lt__(self, other):
        return self._key() < other._key()

    def __le__(self, other):
        return self._key() <= other._key()

    def __gt__(self, other):
        return self._key() > other._key()

    def __ge__(self, other):
        return self._key() >= other._key()

    __eq__ = asyncio.TimerHandle.__eq__
    __hash__ = asyncio.TimerHandle.__hash__


class VirtualSelector(selectors.BaseSelector):
    """Wraps the real selector; instead of waiting, jumps the virtual clock."""

    def __init__(self):
        self.real = selectors.DefaultSelector()
        self.loop = None

    def register(self, fileobj, events, data=None):
        return self.real.register(fileobj, events, data)

    def unregister(self, fileobj):
        return self.real.unregister(fileobj)

    def modify(self, fileobj, events, data=None):
        return self.real.modify(fileobj, events, data)

    def get_map(self):
        return self.real.get_map()

    def close(self):
        self.real.close()

    def select(self, timeout=None):
        loop = self.loop
        THREADS.run_round()
        if timeout == 0 or loop._ready:
            return self.real.select(0)
        while not loop._ready:
            timer = loop._scheduled[0]._when if loop._scheduled else None
            wake = THREADS.next_wake()
            candidates = [t for t in (timer, wake) if t is not None]
            if not candidates:
                if len(self.real.get_map()) > 1:
                    # Real file descriptors besides the self-pipe: really wait.
                    return self.real.select(None)
                die("deadlock: nothing is ready, no timer is pending and no thread can run "
                    "(CPython would hang here)")
            Clock.now = max(Clock.now, min(candidates))
            THREADS.run_round()
            if timer is not None and Clock.now >= timer:
                break
        return self.real.select(0)


class _UnixSelectorEventLoop(asyncio.unix_events._UnixSelectorEventLoop):
    """CPython's Unix event loop on the virtual clock (same class name in reprs)."""

    def __init__(self, selector=None):  # a given selector is ignored: time must be virtual
        virtual = VirtualSelector()
        super().__init__(virtual)
        virtual.loop = self

    def time(self):
        return Clock.now

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = TimerHandle(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def _default_executor_futures(self):
        executor = self._default_executor
        if executor is None:
            return []
        return [f for f in executor._live + [q[0] for q in executor._queued] if not f.done()]

    async def shutdown_default_executor(self):
        """Wait (in virtual time) until the default executor's jobs are delivered."""
        self._executor_shutdown_called = True
        if self._default_executor is None:
            return
        while pending := self._default_executor_futures():
            await asyncio.wait([asyncio.wrap_future(f, loop=self) for f in pending])
        self._default_executor.shutdown(wait=False)


# ---------------------------------------------------------------------------
# time and datetime
# ---------------------------------------------------------------------------


def _time():
    return Clock.now


def _time_ns():
    return round(Clock.now * 1_000_000_000)


def _sleep(secs):
    if not isinstance(secs, (int, float)) or isinstance(secs, bool) or not secs >= 0:
        _real_sleep(secs)  # raises CPython's own TypeError / ValueError
        return
    worker = THREADS.current()
    if worker is None:
        Clock.now = Clock.now + secs
    else:
        THREADS.block(worker, Clock.now + secs)


def _localtime(secs=None):
    return _real_localtime(Clock.now if secs is None else secs)


def _gmtime(secs=None):
    return _real_gmtime(Clock.now if secs is None else secs)


def _strftime(format, t=_NO_ARG):
    return _real_strftime(format, _real_localtime(Clock.now) if t is _NO_ARG else t)


def _ctime(secs=None):
    return _real_ctime(Clock.now if secs is None else secs)


def _asctime(t=_NO_ARG):
    return _real_asctime(_real_localtime(Clock.now) if t is _NO_ARG else t)


class _StandInMeta(type):
    """Makes a stand-in class pass isinstance/issubclass checks for the real one."""

    def __instancecheck__(cls, obj):
        return isinstance(obj, cls._real)

    def __subclasscheck__(cls, sub):
        return issubclass(sub, cls._real)


class _VirtualDatetime(_RealDatetime, metaclass=_StandInMeta):
    _real = _RealDatetime

    def __new__(cls, *args, **kwargs):
        # Instances are real datetimes, so their reprs say datetime.datetime.
        return _RealDatetime(*args, **kwargs)

    @classmethod
    def now(cls, tz=None):
        return _RealDatetime.fromtimestamp(Clock.now, tz)

    @classmethod
    def utcnow(cls):
        return _RealDatetime.utcfromtimestamp(Clock.now)

    @classmethod
    def today(cls):
        return _RealDatetime.fromtimestamp(Clock.now)


class _VirtualDate(_RealDate, metaclass=_StandInMeta):
    _real = _RealDate

    def __new__(cls, *args, **kwargs):
        return _RealDate(*args, **kwargs)

    @classmethod
    def today(cls):
        return _RealDate.fromtimestamp(Clock.now)


def _disguise(cls, name, module):
    """Give a stand-in the name of the class it replaces (it shows in reprs)."""
    cls.__name__ = cls.__qualname__ = name
    cls.__module__ = module


_disguise(_VirtualDatetime, "datetime", "datetime")
_disguise(_VirtualDate, "date", "datetime")
_disguise(VirtualThreadPoolExecutor, "ThreadPoolExecutor", "concurrent.futures.thread")
_disguise(TimerHandle, "TimerHandle", "asyncio.events")
_disguise(_UnixSelectorEventLoop, "_UnixSelectorEventLoop", "asyncio.unix_events")


def install():
    """Patch time, datetime, concurrent.futures and asyncio onto the virtual clock."""
    for name, fn in (("time", _time), ("perf_counter", _time), ("monotonic", _time),
                     ("time_ns", _time_ns), ("perf_counter_ns", _time_ns),
                     ("monotonic_ns", _time_ns), ("sleep", _sleep), ("localtime", _localtime),
                     ("gmtime", _gmtime), ("strftime", _strftime), ("ctime", _ctime),
                     ("asctime", _asctime)):
        setattr(time, name, fn)
    time.tzset()
    datetime.datetime = _VirtualDatetime
    datetime.date = _VirtualDate
    concurrent.futures.ThreadPoolExecutor = VirtualThreadPoolExecutor
    concurrent.futures.thread.ThreadPoolExecutor = VirtualThreadPoolExecutor
    concurrent.futures.Future.result = _future_result
    concurrent.futures.Future.exception = _future_exception
    concurrent.futures.wait = _futures_wait
    concurrent.futures.as_completed = _futures_as_completed
    threading._register_atexit(_exit_wait_for_workers)
    asyncio.unix_events._UnixDefaultEventLoopPolicy._loop_factory = _UnixSelectorEventLoop
    asyncio.unix_events.SelectorEventLoop = _UnixSelectorEventLoop
    asyncio.SelectorEventLoop = _UnixSelectorEventLoop


#: Frames the harness puts under the program (this module's frame plus the
#: exec call); the recursion limit is raised by this much and the getter and
#: setter hide it, so RecursionError happens at CPython's usual depth.
_DEPTH_OFFSET = 2


def _hide_depth_offset():
    real_get, real_set = sys.getrecursionlimit, sys.setrecursionlimit

    def getrecursionlimit():
        return real_get() - _DEPTH_OFFSET

    def setrecursionlimit(limit):
        real_set(limit + _DEPTH_OFFSET if isinstance(limit, int) else limit)

    real_set(real_get() + _DEPTH_OFFSET)
    sys.getrecursionlimit = getrecursionlimit
    sys.setrecursionlimit = setrecursionlimit


def _prepare_main(name):
    """A fresh __main__ module for the program; this module stays as _vclock."""
    sys.modules["_vclock"] = sys.modules["__main__"]
    module = types.ModuleType("__main__")
    module.__file__ = name
    module.__cached__ = None
    module.__builtins__ = builtins
    sys.modules["__main__"] = module
    sys.argv = [name]
    sys.path[0] = os.getcwd()
    return module


if __name__ == "__main__":
    _report_fd[0] = int(os.environ.pop(REPORT_FD_VAR))
    atexit.register(report_clock)  # registered first, so it runs last
    _program = sys.argv[2]
    install()
    _hide_depth_offset()
    _main = _prepare_main(_program)
    _failed = False
    try:
        with open(_program, "rb") as _source:
            _code = compile(_source.read(), _program, "exec", dont_inherit=True)
        del _source
        exec(_code, _main.__dict__)
    except SystemExit:
        raise
    except BaseException as _error:
        # Drop this module's own frame, as if the program had run directly, and
        # keep the error alive in sys.last_* until shutdown as CPython does
        # (objects it holds are finalised, and warn, at the same moment).
        _error.__traceback__ = _error.__traceback__.tb_next
        sys.last_type, sys.last_value, sys.last_traceback = type(_error), _error, _error.__traceback__
        sys.excepthook(type(_error), _error, _error.__traceback__)
        _failed = True
        del _error
    if _failed:
        sys.exit(1)
