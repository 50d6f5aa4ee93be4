"""time, on kairos's virtual clock (SPEC section 1).

Every reading is the one virtual clock, which starts at 0.0 = 1970-01-01
00:00:00 UTC. sleep() blocks the whole program while the clock advances;
inside asyncio.to_thread() it blocks only that simulated thread.
"""

import _kairos
import _time

timezone = 0
altzone = 0
daylight = 0
tzname = ("UTC", "UTC")


def time():
    return _kairos.clock()


def time_ns():
    return int(_kairos.clock() * 1000000000)


def perf_counter():
    return _kairos.clock()


def perf_counter_ns():
    return int(_kairos.clock() * 1000000000)


def monotonic():
    return _kairos.clock()


def monotonic_ns():
    return int(_kairos.clock() * 1000000000)


def process_time():
    # Executing code costs no virtual time.
    return 0.0


def process_time_ns():
    return 0


def sleep(secs):
    _kairos.sleep(secs)


class struct_time:
    _fields = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min",
               "tm_sec", "tm_wday", "tm_yday", "tm_isdst")

    def __init__(self, values):
        values = tuple(values)
        if len(values) != 9:
            raise TypeError(
                "time.struct_time() takes a 9-sequence (%d-sequence given)" % len(values))
        self._values = values
        (self.tm_year, self.tm_mon, self.tm_mday, self.tm_hour, self.tm_min,
         self.tm_sec, self.tm_wday, self.tm_yday, self.tm_isdst) = values
        self.tm_zone = "UTC"
        self.tm_gmtoff = 0

    def __getitem__(self, index):
        return self._values[index]

    def __len__(self):
        return 9

    def __iter__(self):
        return iter(self._values)

    def __eq__(self, other):
        if isinstance(other, struct_time):
            return self._values == other._values
        return self._values == other

    def __repr__(self):
        fields = ", ".join(
            "%s=%r" % (name, value) for name, value in zip(self._fields, self._values))
        return "time.struct_time(" + fields + ")"


def gmtime(secs=None):
    return struct_time(_time.gmtime(secs))


def localtime(secs=None):
    return struct_time(_time.localtime(secs))


def mktime(t):
    return _time.mktime(tuple(t))


def strftime(format, t=None):
    return _time.strftime(format, None if t is None else tuple(t))


def asctime(t=None):
    return _time.asctime(None if t is None else tuple(t))


def ctime(secs=None):
    return _time.ctime(secs)
