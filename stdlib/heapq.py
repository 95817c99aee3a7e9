"""Heap queue: a list kept so that heap[k] <= heap[2*k+1] and
heap[k] <= heap[2*k+2], its smallest item at heap[0].

asim's own code, written after the behaviour of CPython's heapq (the
C _heapq module): the same sifting, so a heap printed after pushes and pops
has CPython's layout, and the same messages."""

# The functions CPython writes in C (_heapq): tracebacks show no frame of
# theirs. merge, nsmallest and nlargest are Python there too.
_asim_c_functions = ('heappush', 'heappop', 'heapify', 'heapreplace', 'heappushpop', '_check_list',
                     '_sift_toward_root', '_sift_to_leaf', '_max_sift_toward_root', '_max_sift_to_leaf')

import sys

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


# 3.10's Argument Clinic names the function and the argument.
_NAMED_ARGUMENT = sys.version_info[:2] >= (3, 10)


def _check_list(heap, function, one_of_two=True):
    if not isinstance(heap, list):
        if not _NAMED_ARGUMENT:
            raise TypeError("heap argument must be a list")
        argument = " 1" if one_of_two else ""
        raise TypeError("%s() argument%s must be list, not %s" % (function, argument, type(heap).__name__))


def _sift_toward_root(heap, top, pos):
    # The item at pos moves up while it is smaller than its parent.
    item = heap[pos]
    while pos > top:
        parent = (pos - 1) >> 1
        if item < heap[parent]:
            heap[pos] = heap[parent]
            pos = parent
            continue
        break
    heap[pos] = item


def _sift_to_leaf(heap, pos):
    # The hole at pos sinks to a leaf along the smaller children, then the
    # item that was there climbs back up: fewer comparisons than stopping
    # early, and the layout CPython produces.
    end = len(heap)
    top = pos
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
    _sift_toward_root(heap, top, pos)


def heappush(heap, item):
    _check_list(heap, "heappush")
    heap.append(item)
    _sift_toward_root(heap, 0, len(heap) - 1)


def heappop(heap):
    _check_list(heap, "heappop", False)
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        first = heap[0]
        heap[0] = last
        _sift_to_leaf(heap, 0)
        return first
    return last


def heapreplace(heap, item):
    _check_list(heap, "heapreplace")
    if not heap:
        raise IndexError("index out of range")
    first = heap[0]
    heap[0] = item
    _sift_to_leaf(heap, 0)
    return first


def heappushpop(heap, item):
    _check_list(heap, "heappushpop")
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sift_to_leaf(heap, 0)
    return item


def heapify(heap):
    _check_list(heap, "heapify", False)
    for pos in reversed(range(len(heap) // 2)):
        _sift_to_leaf(heap, pos)


def _max_sift_toward_root(heap, top, pos):
    item = heap[pos]
    while pos > top:
        parent = (pos - 1) >> 1
        if heap[parent] < item:
            heap[pos] = heap[parent]
            pos = parent
            continue
        break
    heap[pos] = item


def _max_sift_to_leaf(heap, pos):
    end = len(heap)
    top = pos
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
    _max_sift_toward_root(heap, top, pos)


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted output; equal items come in the
    order of their inputs."""
    entries = []
    direction = -1 if reverse else 1
    for order, it in enumerate(map(iter, iterables)):
        for value in it:
            entries.append([value if key is None else key(value), order * direction, value, it])
            break
    if reverse:
        for pos in reversed(range(len(entries) // 2)):
            _max_sift_to_leaf(entries, pos)
    else:
        heapify(entries)
    while len(entries) > 1:
        top = entries[0]
        yield top[2]
        for value in top[3]:
            top[0] = value if key is None else key(value)
            top[2] = value
            if reverse:
                _max_sift_to_leaf(entries, 0)
            else:
                _sift_to_leaf(entries, 0)
            break
        else:
            last = entries.pop()
            if entries:
                entries[0] = last
                if reverse:
                    _max_sift_to_leaf(entries, 0)
                else:
                    _sift_to_leaf(entries, 0)
    if entries:
        top = entries[0]
        yield top[2]
        yield from top[3]


def nsmallest(n, iterable, key=None):
    """The n smallest items, as sorted(iterable, key=key)[:n]."""
    if n == 1:
        items = list(iterable)
        if not items:
            return []
        return [min(items, key=key)]
    return sorted(iterable, key=key)[:n] if n > 0 else []


def nlargest(n, iterable, key=None):
    """The n largest items, as sorted(iterable, key=key, reverse=True)[:n]."""
    if n == 1:
        items = list(iterable)
        if not items:
            return []
        return [max(items, key=key)]
    return sorted(iterable, key=key, reverse=True)[:n] if n > 0 else []
