"""The simulated threads of a kairos program, shared by asyncio's executor jobs
and concurrent.futures pools (tools/vclock.py's `VirtualThreads`).

Threads run one at a time and only while the main program waits: inside the
event loop's select step, or in a blocking call of concurrent.futures
(Future.result/exception, wait, as_completed, shutdown) and at exit. Each
runs until it blocks (time.sleep, or waiting for a future) or ends. A round
runs every due thread once, earliest (wake time, order) first, where order
counts when it started or last blocked; when the main program waits and no
thread is due, the clock jumps to the earliest wake-up.

Trace events: thread_started, thread_sleeping (wake time), thread_finished.
"""

import _kairos
import functools

# Scheduling events cost nothing unless an observer (--trace) listens.
_TRACING = _kairos.tracing()


def label_of(func):
    """The name a thread running `func` goes by in traces and deadlock reports."""
    while isinstance(func, functools.partial):
        func = func.func
    return getattr(func, '__qualname__', None) or getattr(func, '__name__', None) or repr(func)


class _Thread:
    """One simulated thread: its `_kairos` handle and when it may run next.

    `wake` is the virtual time it may run again (None: no deadline), `until`
    a predicate that makes it runnable early (it waits for something).
    """

    def __init__(self, handle, label, on_exit, order):
        self.handle = handle
        self.label = label
        self.on_exit = on_exit
        self.wake = _kairos.clock()
        self.until = None
        self.order = order
        self.ran_in_round = -1
        self.resumes = 0
        self.running = False
        self.wait_request = None

    def is_due(self, now):
        if self.wake is not None and self.wake <= now:
            return True
        return self.until is not None and bool(self.until())

    def due_key(self, now):
        if self.wake is not None and self.wake <= now:
            return (self.wake, self.order)
        return (now, self.order)


class _Scheduler:
    def __init__(self):
        self.threads = []
        self.order = 0
        self.round = 0
        self.current = None

    def next_order(self):
        self.order += 1
        return self.order

    def start(self, func, args, kwargs, label, on_exit):
        """Start `func(*args, **kwargs)` as a thread; `on_exit(kind, value)` gets
        ('done', result) or ('raised', exception) when it ends."""
        handle = _kairos.spawn_thread(func, tuple(args), dict(kwargs))
        self.threads.append(_Thread(handle, label, on_exit, self.next_order()))
        _TRACING and _kairos.event('thread_started', label, '')

    def run_round(self):
        """Run every due thread once, in key order. Returns True if any ran."""
        self.round += 1
        ran = False
        while True:
            now = _kairos.clock()
            due = None
            for thread in self.threads:
                if thread.running or thread.ran_in_round == self.round or not thread.is_due(now):
                    continue
                if due is None or thread.due_key(now) < due.due_key(now):
                    due = thread
            if due is None:
                return ran
            due.ran_in_round = self.round
            self.step(due)
            ran = True

    def step(self, thread):
        outer = self.current
        self.current = thread
        thread.running = True
        thread.resumes += 1
        try:
            outcome = _kairos.run_thread(thread.handle)
        finally:
            thread.running = False
            self.current = outer
        if outcome[0] == 'sleep':
            request = thread.wait_request
            thread.wait_request = None
            if request is None:
                thread.wake, thread.until = outcome[1], None
            else:
                thread.wake, thread.until = request
            thread.order = self.next_order()
            _TRACING and _kairos.event('thread_sleeping', thread.label, repr(thread.wake))
            return
        self.threads.remove(thread)
        _TRACING and _kairos.event('thread_finished', thread.label, outcome[0])
        thread.on_exit(outcome[0], outcome[1])

    def next_wake(self):
        """The earliest virtual time at which some thread may run (None: never)."""
        now = _kairos.clock()
        wake = None
        for thread in self.threads:
            if thread.running:
                continue
            when = now if thread.is_due(now) else thread.wake
            if when is not None and (wake is None or when < wake):
                wake = when
        return wake

    def wait(self, done, timeout=None):
        """Block the caller until `done()` or until `timeout` virtual seconds
        have passed; returns done(). The main program drives the threads
        meanwhile; a thread parks until another one makes done() true."""
        if done():
            return True
        thread = self.current
        if thread is None:
            return self.drive_until(done, timeout)
        wake = None if timeout is None else _kairos.clock() + timeout
        thread.wait_request = (wake, done)
        resumes = thread.resumes
        _kairos.sleep(0)
        if thread.resumes == resumes:
            thread.wait_request = None
            raise RuntimeError('kairos: a simulated thread cannot block here (inside a generator '
                               'or a callback called by a builtin); block at its top level')
        return bool(done())

    def drive_until(self, done, timeout=None):
        """The main program waits: run threads, jump the clock between them."""
        deadline = None if timeout is None else _kairos.clock() + timeout
        while not done():
            if self.run_round():
                continue
            wake = self.next_wake()
            if deadline is not None and (wake is None or wake > deadline):
                _kairos.set_clock(deadline)
                return bool(done())
            if wake is None:
                _kairos.deadlock(f'deadlock at {_kairos.clock():.3f}s (virtual): the main thread '
                                 'waits for a result that no thread can produce (CPython would '
                                 'wait forever)')
            if wake > _kairos.clock():
                _kairos.set_clock(wake)
                _TRACING and _kairos.event('clock_advanced', '', repr(wake))
        return True



SCHEDULER = _Scheduler()


def finish_at_exit():
    """Called by kairos when the program ends: CPython waits for the threads
    of thread pools before it exits."""
    SCHEDULER.wait(lambda: not SCHEDULER.threads)
