"""collections for kairos: deque, defaultdict, Counter, OrderedDict, namedtuple.

kairos cannot subclass builtins yet, so defaultdict, Counter and OrderedDict
wrap a dict (and namedtuple classes wrap a tuple): they behave and print as in
CPython, but `isinstance(x, dict)` / `isinstance(p, tuple)` are False.
"""

import heapq

_MISSING = object()


class _DictWrapper:
    """The dict interface, delegated to self._data."""

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __contains__(self, key):
        return key in self._data

    def __getitem__(self, key):
        if key in self._data:
            return self._data[key]
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __eq__(self, other):
        if isinstance(other, _DictWrapper):
            return self._data == other._data
        return self._data == other

    def __ne__(self, other):
        return not self == other

    __hash__ = None

    def __bool__(self):
        return bool(self._data)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def pop(self, key, default=_MISSING):
        if default is _MISSING:
            return self._data.pop(key)
        return self._data.pop(key, default)

    def popitem(self):
        return self._data.popitem()

    def setdefault(self, key, default=None):
        return self._data.setdefault(key, default)

    def clear(self):
        self._data.clear()

    def _update_from(self, other, kwds):
        if other is not None:
            if isinstance(other, _DictWrapper):
                other = other._data
            if hasattr(other, 'keys'):
                for key in other.keys():
                    self[key] = other[key]
            else:
                for key, value in other:
                    self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def update(self, other=None, **kwds):
        self._update_from(other, kwds)


class defaultdict(_DictWrapper):
    """A dict that calls default_factory() to fill in missing keys."""
    __module__ = 'collections'

    def __init__(self, default_factory=None, *args, **kwds):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        self._data = {}
        self._update_from(args[0] if args else None, kwds)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._data[key] = value
        return value

    def copy(self):
        return defaultdict(self.default_factory, self._data)

    def __repr__(self):
        return f'defaultdict({self.default_factory!r}, {self._data!r})'


class OrderedDict(_DictWrapper):
    """A dict that can reorder its keys (move_to_end, popitem(last=False))."""
    __module__ = 'collections'

    def __init__(self, other=None, **kwds):
        self._data = {}
        self._update_from(other, kwds)

    def move_to_end(self, key, last=True):
        value = self._data.pop(key)
        if last:
            self._data[key] = value
        else:
            rest = self._data
            self._data = {key: value}
            self._data.update(rest)

    def popitem(self, last=True):
        if not self._data:
            raise KeyError('dictionary is empty')
        if last:
            return self._data.popitem()
        for key in self._data:
            return (key, self._data.pop(key))

    def copy(self):
        return OrderedDict(self._data)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._data.items()) == list(other._data.items())
        return _DictWrapper.__eq__(self, other)

    def __repr__(self):
        if not self._data:
            return 'OrderedDict()'
        return f'OrderedDict({list(self._data.items())!r})'


class Counter(_DictWrapper):
    """A dict of counts: missing keys count 0; most_common() sorts by count."""
    __module__ = 'collections'

    def __init__(self, iterable=None, **kwds):
        self._data = {}
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self._data.values())

    def most_common(self, n=None):
        if n is None:
            return sorted(self._data.items(), key=_count_of, reverse=True)
        return heapq.nlargest(n, self._data.items(), key=_count_of)

    def elements(self):
        for elem, count in self._data.items():
            for _ in range(count):
                yield elem

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, _DictWrapper):
                iterable = iterable._data
            if hasattr(iterable, 'keys'):
                for elem in iterable.keys():
                    self._data[elem] = self._data.get(elem, 0) + iterable[elem]
            else:
                for elem in iterable:
                    self._data[elem] = self._data.get(elem, 0) + 1
        for elem, count in kwds.items():
            self._data[elem] = self._data.get(elem, 0) + count

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, _DictWrapper):
                iterable = iterable._data
            if hasattr(iterable, 'keys'):
                for elem in iterable.keys():
                    self._data[elem] = self._data.get(elem, 0) - iterable[elem]
            else:
                for elem in iterable:
                    self._data[elem] = self._data.get(elem, 0) - 1
        for elem, count in kwds.items():
            self._data[elem] = self._data.get(elem, 0) - count

    def copy(self):
        return Counter(self._data)

    def __delitem__(self, key):
        if key in self._data:
            del self._data[key]

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for c, d in ((self, other), (other, self)):
            for elem in c._data:
                if c._data[elem] != d[elem]:
                    return False
        return True

    def __repr__(self):
        if not self._data:
            return 'Counter()'
        try:
            shown = dict(self.most_common())
        except TypeError:
            shown = dict(self._data)
        return f'Counter({shown!r})'

    def _combine(self, other, op):
        result = Counter()
        for elem, count in self._data.items():
            value = op(count, other[elem])
            if value > 0:
                result._data[elem] = value
        for elem, count in other._data.items():
            if elem not in self._data:
                value = op(0, count)
                if value > 0:
                    result._data[elem] = value
        return result

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._combine(other, _plus)

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._combine(other, _minus)

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._combine(other, max)

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._combine(other, min)

    def __pos__(self):
        return Counter() + self

    def __neg__(self):
        return Counter() - self


def _count_of(item):
    return item[1]


def _plus(a, b):
    return a + b


def _minus(a, b):
    return a - b


class deque:
    """Double-ended queue with an optional maximum length (list-backed)."""
    __module__ = 'collections'

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None and (not isinstance(maxlen, int) or maxlen < 0):
            raise ValueError('maxlen must be a non-negative integer')
        self._maxlen = maxlen
        self._items = []
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def append(self, x):
        self._items.append(x)
        if self._maxlen is not None and len(self._items) > self._maxlen:
            del self._items[0]

    def appendleft(self, x):
        self._items.insert(0, x)
        if self._maxlen is not None and len(self._items) > self._maxlen:
            self._items.pop()

    def extend(self, iterable):
        if iterable is self:
            iterable = list(self._items)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(self._items)
        for x in iterable:
            self.appendleft(x)

    def pop(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop(0)

    def clear(self):
        self._items = []

    def copy(self):
        return deque(self._items, self._maxlen)

    def count(self, x):
        return self._items.count(x)

    def index(self, x, start=0, stop=None):
        stop = len(self._items) if stop is None else stop
        for i in range(max(start, 0), min(stop, len(self._items))):
            if self._items[i] is x or self._items[i] == x:
                return i
        raise ValueError(f'{x!r} is not in deque')

    def insert(self, i, x):
        if self._maxlen is not None and len(self._items) >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        self._items.insert(i, x)

    def remove(self, value):
        for i in range(len(self._items)):
            if self._items[i] is value or self._items[i] == value:
                del self._items[i]
                return
        raise ValueError(f'{value!r} is not in deque')

    def reverse(self):
        self._items.reverse()

    def rotate(self, n=1):
        length = len(self._items)
        if length:
            n = n % length
            if n:
                self._items = self._items[-n:] + self._items[:-n]

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __iter__(self):
        return iter(self._items)

    def __reversed__(self):
        return reversed(self._items)

    def __contains__(self, x):
        return x in self._items

    def __getitem__(self, i):
        if isinstance(i, slice):
            raise TypeError('sequence index must be integer, not \'slice\'')
        if not -len(self._items) <= i < len(self._items):
            raise IndexError('deque index out of range')
        return self._items[i]

    def __setitem__(self, i, x):
        if not -len(self._items) <= i < len(self._items):
            raise IndexError('deque index out of range')
        self._items[i] = x

    def __delitem__(self, i):
        if not -len(self._items) <= i < len(self._items):
            raise IndexError('deque index out of range')
        del self._items[i]

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items == other._items

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
        return deque(self._items + other._items, self._maxlen)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __repr__(self):
        if self._maxlen is None:
            return f'deque({self._items!r})'
        return f'deque({self._items!r}, maxlen={self._maxlen})'


class _NamedTuple:
    """Base of namedtuple classes: a tuple of values with named read-only fields."""
    _fields = ()
    _field_defaults = {}

    def __init__(self, *args, **kwargs):
        fields = self._fields
        if len(args) > len(fields):
            raise TypeError(f'{type(self).__name__}.__new__() takes {len(fields) + 1} positional '
                            f'arguments but {len(args) + 1} were given')
        values = list(args)
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in self._field_defaults:
                values.append(self._field_defaults[name])
            else:
                missing = [n for n in fields[len(values):]
                           if n not in kwargs and n not in self._field_defaults]
                names = ' and '.join(repr(n) for n in missing)
                raise TypeError(f"{type(self).__name__}.__new__() missing {len(missing)} "
                                f"required positional argument{'s' if len(missing) > 1 else ''}: "
                                f"{names}")
        if kwargs:
            name = list(kwargs)[0]
            if name in fields:
                raise TypeError(f"{type(self).__name__}.__new__() got multiple values for "
                                f"argument '{name}'")
            raise TypeError(f"{type(self).__name__}.__new__() got an unexpected keyword "
                            f"argument '{name}'")
        self._values = tuple(values)

    @classmethod
    def _make(cls, iterable):
        return cls(*iterable)

    def _asdict(self):
        return dict(zip(self._fields, self._values))

    def _replace(self, **kwds):
        values = self._asdict()
        for name, value in kwds.items():
            if name not in values:
                raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
            values[name] = value
        return type(self)(**values)

    def __repr__(self):
        inner = ', '.join(f'{name}={value!r}' for name, value in zip(self._fields, self._values))
        return f'{type(self).__name__}({inner})'

    def __len__(self):
        return len(self._values)

    def __iter__(self):
        return iter(self._values)

    def __getitem__(self, index):
        return self._values[index]

    def __contains__(self, value):
        return value in self._values

    def __hash__(self):
        return hash(self._values)

    def __eq__(self, other):
        return self._values == _as_tuple(other)

    def __ne__(self, other):
        return self._values != _as_tuple(other)

    def __lt__(self, other):
        return self._values < _as_tuple(other)

    def __le__(self, other):
        return self._values <= _as_tuple(other)

    def __gt__(self, other):
        return self._values > _as_tuple(other)

    def __ge__(self, other):
        return self._values >= _as_tuple(other)

    def __add__(self, other):
        return self._values + _as_tuple(other)

    def count(self, value):
        return self._values.count(value)

    def index(self, value):
        return self._values.index(value)


def _as_tuple(obj):
    if isinstance(obj, _NamedTuple):
        return obj._values
    return obj


def _field_property(index, name):
    def getter(self):
        return self._values[index]
    getter.__name__ = name
    return property(getter, doc=f'Alias for field number {index}')


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A class whose instances hold fixed fields, readable by name and by index."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = [str(name) for name in field_names]
    seen = set()
    for index, name in enumerate(field_names):
        bad = (not name.isidentifier() or name.startswith('_') or name in seen)
        if bad:
            if rename:
                field_names[index] = f'_{index}'
            elif name.startswith('_'):
                raise ValueError(f'Field names cannot start with an underscore: {name!r}')
            elif name in seen:
                raise ValueError(f'Encountered duplicate field name: {name!r}')
            else:
                raise ValueError('Type names and field names must be valid identifiers: '
                                 f'{name!r}')
        seen.add(field_names[index])

    class _Record(_NamedTuple):
        pass

    _Record.__name__ = typename
    _Record.__qualname__ = typename
    _Record.__module__ = module if module is not None else '__main__'
    _Record._fields = tuple(field_names)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        for name, value in zip(field_names[len(field_names) - len(defaults):], defaults):
            field_defaults[name] = value
    _Record._field_defaults = field_defaults
    for index, name in enumerate(field_names):
        setattr(_Record, name, _field_property(index, name))
    return _Record
