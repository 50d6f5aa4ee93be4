"""itertools for kairos. Each tool is a class (as in CPython, so `type(x).__name__`
and the default repr `<itertools.chain object at 0x...>` match) driving a
generator that does the work; results come out in CPython's order."""


class _Iterator:
    """Base: iterate by stepping the generator in self._gen."""
    __module__ = 'itertools'

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._gen)


class count(_Iterator):
    """count(start=0, step=1) -> start, start+step, start+2*step, ..."""
    __module__ = 'itertools'

    def __init__(self, start=0, step=1):
        self._next = start
        self._step = step

    def __next__(self):
        value = self._next
        self._next = value + self._step
        return value

    def __repr__(self):
        if self._step == 1 and not isinstance(self._step, float):
            return f'count({self._next!r})'
        return f'count({self._next!r}, {self._step!r})'


def _cycle_gen(iterable):
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    while saved:
        for element in saved:
            yield element


class cycle(_Iterator):
    """cycle(p) -> p0, p1, ... plast, p0, p1, ..."""
    __module__ = 'itertools'

    def __init__(self, iterable):
        self._gen = _cycle_gen(iterable)


class repeat(_Iterator):
    """repeat(object [,times]) -> object, object, ... (forever or `times` times)."""
    __module__ = 'itertools'

    def __init__(self, object, times=None):
        self._object = object
        self._times = None if times is None else max(0, times)

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __repr__(self):
        if self._times is None:
            return f'repeat({self._object!r})'
        return f'repeat({self._object!r}, {self._times})'


def _chain_gen(iterables):
    for iterable in iterables:
        for element in iterable:
            yield element


class chain(_Iterator):
    """chain(*iterables) -> the elements of each iterable in turn."""
    __module__ = 'itertools'

    def __init__(self, *iterables):
        self._gen = _chain_gen(iterables)

    @classmethod
    def from_iterable(cls, iterables):
        result = cls()
        result._gen = _chain_gen(iterables)
        return result


def _islice_gen(iterable, start, stop, step):
    it = iter(iterable)
    index = 0
    next_wanted = start
    if stop is not None and next_wanted >= stop:
        for _ in range(stop):
            if next(it, _MISSING) is _MISSING:
                return
        return
    for element in it:
        if index == next_wanted:
            yield element
            next_wanted += step
            if stop is not None and next_wanted >= stop:
                for _ in range(index + 1, stop):
                    if next(it, _MISSING) is _MISSING:
                        return
                return
        index += 1


_MISSING = object()


def _slice_index(value, message):
    if value is None:
        return None
    if not isinstance(value, int) or value < 0:
        raise ValueError(message)
    return value


class islice(_Iterator):
    """islice(iterable, stop) / islice(iterable, start, stop[, step])."""
    __module__ = 'itertools'

    def __init__(self, iterable, *args):
        if len(args) == 1:
            start, stop, step = None, args[0], None
            stop = _slice_index(stop, 'Stop argument for islice() must be None or an integer: '
                                      '0 <= x <= sys.maxsize.')
        elif 2 <= len(args) <= 3:
            start, stop = args[0], args[1]
            step = args[2] if len(args) == 3 else None
            message = ('Indices for islice() must be None or an integer: '
                       '0 <= x <= sys.maxsize.')
            start = _slice_index(start, message)
            stop = _slice_index(stop, message)
        else:
            raise TypeError(f'islice expected at most 4 arguments, got {len(args) + 1}')
        if step is not None and (not isinstance(step, int) or step <= 0):
            raise ValueError('Step for islice() must be a positive integer or None.')
        self._gen = _islice_gen(iterable, start or 0, stop, step or 1)


def _accumulate_gen(iterable, func, initial):
    it = iter(iterable)
    total = initial
    if initial is None:
        total = next(it, _MISSING)
        if total is _MISSING:
            return
    yield total
    for element in it:
        total = total + element if func is None else func(total, element)
        yield total


class accumulate(_Iterator):
    """accumulate(iterable, func=None, *, initial=None) -> running totals."""
    __module__ = 'itertools'

    def __init__(self, iterable, func=None, *, initial=None):
        self._gen = _accumulate_gen(iterable, func, initial)


def _product_gen(pools):
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


class product(_Iterator):
    """product(*iterables, repeat=1) -> cartesian product tuples (last varies fastest)."""
    __module__ = 'itertools'

    def __init__(self, *iterables, repeat=1):
        pools = [tuple(pool) for pool in iterables] * repeat
        self._gen = _product_gen(pools)


def _permutations_gen(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


class permutations(_Iterator):
    """permutations(iterable, r=None) -> r-length orderings, in lexicographic position order."""
    __module__ = 'itertools'

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        r = len(pool) if r is None else r
        if r < 0:
            raise ValueError('r must be non-negative')
        self._gen = _permutations_gen(pool, r)


def _combinations_gen(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


class combinations(_Iterator):
    """combinations(iterable, r) -> r-length subsequences, in input order."""
    __module__ = 'itertools'

    def __init__(self, iterable, r):
        if r < 0:
            raise ValueError('r must be non-negative')
        self._gen = _combinations_gen(tuple(iterable), r)


def _combinations_wr_gen(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


class combinations_with_replacement(_Iterator):
    """combinations_with_replacement(iterable, r) -> r-length sorted selections with repeats."""
    __module__ = 'itertools'

    def __init__(self, iterable, r):
        if r < 0:
            raise ValueError('r must be non-negative')
        self._gen = _combinations_wr_gen(tuple(iterable), r)


def _grouper_gen(parent, target_key, token):
    while parent._token is token and parent._current_key == target_key:
        yield parent._current_value
        value = next(parent._it, _MISSING)
        if value is _MISSING:
            return
        parent._current_value = value
        parent._current_key = value if parent._keyfunc is None else parent._keyfunc(value)


class _grouper(_Iterator):
    __module__ = 'itertools'

    def __init__(self, parent, target_key, token):
        self._gen = _grouper_gen(parent, target_key, token)


class groupby(_Iterator):
    """groupby(iterable, key=None) -> (key, group iterator) for runs of equal keys.
    Advancing groupby ends the previous group iterator."""
    __module__ = 'itertools'

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._target_key = self._current_key = self._current_value = _MISSING
        self._token = None

    def __next__(self):
        self._token = object()
        while self._current_key == self._target_key:
            self._current_value = next(self._it)
            value = self._current_value
            self._current_key = value if self._keyfunc is None else self._keyfunc(value)
        self._target_key = self._current_key
        return (self._current_key, _grouper(self, self._target_key, self._token))


def _zip_longest_gen(iterators, fillvalue):
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i in range(len(iterators)):
            it = iterators[i]
            if it is None:
                values.append(fillvalue)
                continue
            value = next(it, _MISSING)
            if value is _MISSING:
                active -= 1
                if not active:
                    return
                iterators[i] = None
                value = fillvalue
            values.append(value)
        yield tuple(values)


class zip_longest(_Iterator):
    """zip_longest(*iterables, fillvalue=None) -> tuples until the longest input ends."""
    __module__ = 'itertools'

    def __init__(self, *iterables, fillvalue=None):
        self._gen = _zip_longest_gen([iter(it) for it in iterables], fillvalue)


def _starmap_gen(function, iterable):
    for args in iterable:
        yield function(*args)


class starmap(_Iterator):
    """starmap(function, iterable) -> function(*args) for each args."""
    __module__ = 'itertools'

    def __init__(self, function, iterable):
        self._gen = _starmap_gen(function, iterable)


def _takewhile_gen(predicate, iterable):
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break


class takewhile(_Iterator):
    """takewhile(predicate, iterable) -> elements while predicate holds."""
    __module__ = 'itertools'

    def __init__(self, predicate, iterable):
        self._gen = _takewhile_gen(predicate, iterable)


def _dropwhile_gen(predicate, iterable):
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


class dropwhile(_Iterator):
    """dropwhile(predicate, iterable) -> elements from the first that fails predicate."""
    __module__ = 'itertools'

    def __init__(self, predicate, iterable):
        self._gen = _dropwhile_gen(predicate, iterable)


def _filterfalse_gen(predicate, iterable):
    for x in iterable:
        if not (bool(x) if predicate is None else predicate(x)):
            yield x


class filterfalse(_Iterator):
    """filterfalse(predicate, iterable) -> elements for which predicate is false."""
    __module__ = 'itertools'

    def __init__(self, predicate, iterable):
        self._gen = _filterfalse_gen(predicate, iterable)


def _compress_gen(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


class compress(_Iterator):
    """compress(data, selectors) -> data elements whose selector is true."""
    __module__ = 'itertools'

    def __init__(self, data, selectors):
        self._gen = _compress_gen(data, selectors)


def _pairwise_gen(iterable):
    it = iter(iterable)
    a = next(it, _MISSING)
    if a is _MISSING:
        return
    for b in it:
        yield (a, b)
        a = b


class pairwise(_Iterator):
    """pairwise(iterable) -> (s0, s1), (s1, s2), ..."""
    __module__ = 'itertools'

    def __init__(self, iterable):
        self._gen = _pairwise_gen(iterable)


class _tee(_Iterator):
    __module__ = 'itertools'

    def __init__(self, source, buffers, index):
        self._source = source
        self._buffers = buffers
        self._index = index

    def __next__(self):
        buffer = self._buffers[self._index]
        if not buffer:
            value = next(self._source)
            for other in self._buffers:
                other.append(value)
        return buffer.pop(0)


def tee(iterable, n=2):
    """tee(iterable, n=2) -> n independent iterators over the same elements."""
    if n < 0:
        raise ValueError('n must be >= 0')
    source = iter(iterable)
    buffers = [[] for _ in range(n)]
    return tuple(_tee(source, buffers, i) for i in range(n))
