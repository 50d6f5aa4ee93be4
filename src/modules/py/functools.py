"""functools for kairos: partial, wraps/update_wrapper, reduce, lru_cache/cache,
total_ordering, cmp_to_key, cached_property (as a property)."""

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__', '__annotations__')
WRAPPER_UPDATES = ('__dict__',)

_MISSING = object()


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Copy name, docstring, ... of `wrapped` onto `wrapper`; set wrapper.__wrapped__."""
    for attr in assigned:
        value = getattr(wrapped, attr, _MISSING)
        if value is not _MISSING:
            try:
                setattr(wrapper, attr, value)
            except (AttributeError, TypeError):
                pass
    for attr in updated:
        target = getattr(wrapper, attr, None)
        source = getattr(wrapped, attr, None)
        if target is not None and source:
            target.update(source)
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper()."""

    def decorator(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)

    return decorator


class partial:
    """partial(func, *args, **keywords): call func with these arguments prepended."""

    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError('the first argument must be callable')
        if type(func) is partial:
            args = func.args + args
            merged = dict(func.keywords)
            merged.update(keywords)
            keywords = merged
            func = func.func
        self.func = func
        self.args = tuple(args)
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        merged = dict(self.keywords)
        merged.update(keywords)
        return self.func(*(self.args + args), **merged)

    def __repr__(self):
        parts = [repr(self.func)]
        for arg in self.args:
            parts.append(repr(arg))
        for key, value in self.keywords.items():
            parts.append(f'{key}={value!r}')
        cls = type(self)
        name = 'functools.partial' if cls is partial else f'{cls.__module__}.{cls.__qualname__}'
        return f"{name}({', '.join(parts)})"


def reduce(function, iterable, *initial):
    """Fold `iterable` from the left with `function`, optionally starting from `initial`."""
    if len(initial) > 1:
        raise TypeError(f'reduce expected at most 3 arguments, got {len(initial) + 2}')
    it = iter(iterable)
    if initial:
        value = initial[0]
    else:
        value = _MISSING
        for first in it:
            value = first
            break
        if value is _MISSING:
            raise TypeError('reduce() of empty iterable with no initial value')
    for element in it:
        value = function(value, element)
    return value


class _CacheInfo:
    """What cache_info() returns; prints as CPython's namedtuple."""

    def __init__(self, hits, misses, maxsize, currsize):
        self.hits = hits
        self.misses = misses
        self.maxsize = maxsize
        self.currsize = currsize

    def _fields_values(self):
        return (self.hits, self.misses, self.maxsize, self.currsize)

    def __iter__(self):
        return iter(self._fields_values())

    def __getitem__(self, index):
        return self._fields_values()[index]

    def __len__(self):
        return 4

    def __eq__(self, other):
        if isinstance(other, _CacheInfo):
            return self._fields_values() == other._fields_values()
        return self._fields_values() == other

    def __repr__(self):
        return (f'CacheInfo(hits={self.hits!r}, misses={self.misses!r}, '
                f'maxsize={self.maxsize!r}, currsize={self.currsize!r})')


def _make_key(args, kwargs, typed):
    key = args
    if kwargs:
        key = key + (_MISSING,) + tuple(kwargs.items())
    if typed:
        key = key + tuple(type(v) for v in args) + tuple(type(v) for v in kwargs.values())
    return key


def lru_cache(maxsize=128, typed=False):
    """Memoize a function, keeping the `maxsize` most recently used results (None: all)."""
    if callable(maxsize) and isinstance(typed, bool):
        user_function = maxsize
        return _lru_wrapper(user_function, 128, typed)
    if maxsize is not None:
        if not isinstance(maxsize, int):
            raise TypeError('Expected first argument to be an integer, a callable, or None')
        if maxsize < 0:
            maxsize = 0

    def decorating_function(user_function):
        return _lru_wrapper(user_function, maxsize, typed)

    return decorating_function


def _lru_wrapper(user_function, maxsize, typed):
    cache = {}
    stats = [0, 0]  # hits, misses

    def wrapper(*args, **kwargs):
        if maxsize == 0:
            stats[1] += 1
            return user_function(*args, **kwargs)
        key = _make_key(args, kwargs, typed)
        result = cache.get(key, _MISSING)
        if result is not _MISSING:
            stats[0] += 1
            if maxsize is not None:
                del cache[key]
                cache[key] = result
            return result
        stats[1] += 1
        result = user_function(*args, **kwargs)
        if key in cache:
            return result
        cache[key] = result
        if maxsize is not None and len(cache) > maxsize:
            for oldest in cache:
                del cache[oldest]
                break
        return result

    def cache_info():
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        cache.clear()
        stats[0] = 0
        stats[1] = 0

    def cache_parameters():
        return {'maxsize': maxsize, 'typed': typed}

    update_wrapper(wrapper, user_function)
    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    wrapper.cache_parameters = cache_parameters
    return wrapper


def cache(user_function):
    """Unbounded memoization: lru_cache(maxsize=None)."""
    return _lru_wrapper(user_function, None, False)


def _defines(cls, name):
    """Whether `cls` or a base other than object defines `name` itself."""
    for klass in getattr(cls, '__mro__', (cls,)):
        if klass is object:
            continue
        if name in klass.__dict__:
            return True
    return False


def _derived_comparisons(root):
    """The three comparisons total_ordering derives from `root`, as CPython does."""

    def flip_or_equal(name, negate, extra):
        # result = (not r if negate else r), then combined with equality as `extra` says
        def method(self, other):
            r = getattr(type(self), root)(self, other)
            if r is NotImplemented:
                return r
            value = (not r) if negate else r
            if extra == 'or_equal':
                return value or self == other
            if extra == 'and_not_equal':
                return value and self != other
            return value
        method.__name__ = name
        method.__qualname__ = name
        return method

    table = {
        '__lt__': (('__gt__', True, 'and_not_equal'), ('__le__', False, 'or_equal'),
                   ('__ge__', True, None)),
        '__le__': (('__ge__', True, 'or_equal'), ('__lt__', False, 'and_not_equal'),
                   ('__gt__', True, None)),
        '__gt__': (('__lt__', True, 'and_not_equal'), ('__ge__', False, 'or_equal'),
                   ('__le__', True, None)),
        '__ge__': (('__le__', True, 'or_equal'), ('__gt__', False, 'and_not_equal'),
                   ('__lt__', True, None)),
    }
    return [(name, flip_or_equal(name, negate, extra)) for name, negate, extra in table[root]]


def total_ordering(cls):
    """Class decorator: fill in the missing rich comparisons from one of them."""
    roots = [op for op in ('__lt__', '__le__', '__gt__', '__ge__') if _defines(cls, op)]
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)
    for name, method in _derived_comparisons(root):
        if name not in roots:
            setattr(cls, name, method)
    return cls


def cmp_to_key(mycmp):
    """Turn an old-style comparison function into a key function."""

    class K:
        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    return K


def cached_property(func):
    """A property computed once per instance (stored on the instance under a
    private name, since kairos has no descriptors beyond property)."""
    slot = '_cached_property_' + func.__name__

    def getter(self):
        value = getattr(self, slot, _MISSING)
        if value is _MISSING:
            value = func(self)
            setattr(self, slot, value)
        return value

    def setter(self, value):
        setattr(self, slot, value)

    def deleter(self):
        delattr(self, slot)

    return property(getter, setter, deleter, func.__doc__)
