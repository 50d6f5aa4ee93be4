"""Binary min-heaps on lists. The primitives are native (`_heapq`, with
CPython's sift algorithms, so equal items come out in CPython's order);
nsmallest, nlargest and merge are written here on top of them."""


from _heapq import (
    _heapify_max, _heappop_max, _heapreplace_max, heapify, heappop, heappush, heappushpop,
    heapreplace,
)


def _len_or_none(iterable):
    try:
        return len(iterable)
    except (TypeError, AttributeError):
        return None


def _extreme(iterable, key, largest):
    """[min] or [max] of the iterable (first one among equals), [] if empty."""
    found = False
    best = None
    best_key = None
    for elem in iterable:
        k = elem if key is None else key(elem)
        if not found or (best_key < k if largest else k < best_key):
            best = elem
            best_key = k
            found = True
    return [best] if found else []


def nsmallest(n, iterable, key=None):
    """The n smallest elements, as sorted(iterable, key=key)[:n] (stable for ties)."""
    if n == 1:
        return _extreme(iterable, key, False)
    size = _len_or_none(iterable)
    if size is not None and n >= size:
        return sorted(iterable, key=key)[:n]
    if n <= 0:
        return []
    it = iter(iterable)
    result = []
    for elem in it:
        if key is None:
            result.append((elem, len(result)))
        else:
            result.append((key(elem), len(result), elem))
        if len(result) == n:
            break
    if not result:
        return result
    _heapify_max(result)
    top = result[0][0]
    order = n
    for elem in it:
        k = elem if key is None else key(elem)
        if k < top:
            _heapreplace_max(result, (k, order) if key is None else (k, order, elem))
            top = result[0][0]
            order += 1
    result.sort()
    return [entry[0] if key is None else entry[2] for entry in result]


def nlargest(n, iterable, key=None):
    """The n largest elements, as sorted(iterable, key=key, reverse=True)[:n]."""
    if n == 1:
        return _extreme(iterable, key, True)
    size = _len_or_none(iterable)
    if size is not None and n >= size:
        return sorted(iterable, key=key, reverse=True)[:n]
    if n <= 0:
        return []
    it = iter(iterable)
    result = []
    for elem in it:
        order = -len(result)
        if key is None:
            result.append((elem, order))
        else:
            result.append((key(elem), order, elem))
        if len(result) == n:
            break
    if not result:
        return result
    heapify(result)
    top = result[0][0]
    order = -n
    for elem in it:
        k = elem if key is None else key(elem)
        if top < k:
            heapreplace(result, (k, order) if key is None else (k, order, elem))
            top = result[0][0]
            order -= 1
    result.sort(reverse=True)
    return [entry[0] if key is None else entry[2] for entry in result]


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted stream (ties: earlier input first)."""
    entries = []
    direction = -1 if reverse else 1
    for order, iterable in enumerate(iterables):
        it = iter(iterable)
        for value in it:
            entries.append([value if key is None else key(value), order * direction, value, it])
            break
    if reverse:
        _heapify_max(entries)
    else:
        heapify(entries)
    while entries:
        entry = entries[0]
        yield entry[2]
        advanced = False
        for value in entry[3]:
            entry[0] = value if key is None else key(value)
            entry[2] = value
            advanced = True
            break
        if advanced:
            if reverse:
                _heapreplace_max(entries, entry)
            else:
                heapreplace(entries, entry)
        elif reverse:
            _heappop_max(entries)
        else:
            heappop(entries)
