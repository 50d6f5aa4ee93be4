"""sys for kairos: the native `_sys` (argv, streams, exit, recursion limit)
plus `version_info` and the `modules` view, which are simpler in Python."""

import _sys
from _sys import (
    __stderr__, __stdout__, argv, byteorder, exc_info, executable, exit, getrecursionlimit,
    maxsize, path, platform, setrecursionlimit, stderr, stdout, version,
)
from collections import namedtuple


class version_info(namedtuple('version_info', 'major minor micro releaselevel serial')):
    """CPython's version_info: a named tuple that prints as `sys.version_info(...)`."""

    def __repr__(self):
        return 'sys.' + super().__repr__()


version_info = version_info(3, 11, 7, 'final', 0)


class _Modules:
    """sys.modules: a read-only view of the modules loaded so far."""

    def __contains__(self, name):
        return name in _sys.modules()

    def __getitem__(self, name):
        return _sys.modules()[name]

    def __iter__(self):
        return iter(_sys.modules())

    def __len__(self):
        return len(_sys.modules())

    def __repr__(self):
        return repr(_sys.modules())

    def get(self, name, default=None):
        return _sys.modules().get(name, default)

    def keys(self):
        return _sys.modules().keys()

    def values(self):
        return _sys.modules().values()

    def items(self):
        return _sys.modules().items()


modules = _Modules()
