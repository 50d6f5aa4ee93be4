"""Binary min-heaps on lists, with CPython's sift algorithms so that equal
items come out in the same order as in CPython (only `<` is used)."""


def _bubble_up(heap, root, pos):
    """Move heap[pos] towards `root` while it is smaller than its parent."""
    item = heap[pos]
    while pos > root:
        parent = (pos - 1) >> 1
        if item < heap[parent]:
            heap[pos] = heap[parent]
            pos = parent
        else:
            break
    heap[pos] = item


def _sink(heap, pos):
    """Refill the hole at `pos` by walking the smaller child down to a leaf,
    then bubble the displaced item up (CPython's bottom-up _siftup)."""
    end = len(heap)
    root = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _bubble_up(heap, root, pos)


def _bubble_up_max(heap, root, pos):
    item = heap[pos]
    while pos > root:
        parent = (pos - 1) >> 1
        if heap[parent] < item:
            heap[pos] = heap[parent]
            pos = parent
        else:
            break
    heap[pos] = item


def _sink_max(heap, pos):
    end = len(heap)
    root = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[right] < heap[child]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _bubble_up_max(heap, root, pos)


def heappush(heap, item):
    """Push item onto heap, keeping the heap invariant."""
    heap.append(item)
    _bubble_up(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop and return the smallest item (IndexError if the heap is empty)."""
    last = heap.pop()
    if heap:
        smallest = heap[0]
        heap[0] = last
        _sink(heap, 0)
        return smallest
    return last


def heapreplace(heap, item):
    """Pop the smallest item, then push `item` (returned value may be larger than item)."""
    smallest = heap[0]
    heap[0] = item
    _sink(heap, 0)
    return smallest


def heappushpop(heap, item):
    """Push `item`, then pop and return the smallest item (faster than the two calls)."""
    if heap and heap[0] < item:
        smallest = heap[0]
        heap[0] = item
        _sink(heap, 0)
        return smallest
    return item


def heapify(x):
    """Turn list x into a heap, in place, in linear time."""
    for i in range(len(x) // 2 - 1, -1, -1):
        _sink(x, i)


def _heapify_max(x):
    for i in range(len(x) // 2 - 1, -1, -1):
        _sink_max(x, i)


def _heapreplace_max(heap, item):
    largest = heap[0]
    heap[0] = item
    _sink_max(heap, 0)
    return largest


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
            last = entries.pop()
            if entries:
                entries[0] = last
                _sink_max(entries, 0)
        else:
            heappop(entries)
