def __build_itertools():
    # CPython 3.11's itertools as generators (the "roughly equivalent" code of its docs).
    _MISSING = object()

    def chain(*iterables):
        for it in iterables:
            yield from it

    def _from_iterable(iterables):
        for it in iterables:
            yield from it

    chain.from_iterable = _from_iterable

    def count(start=0, step=1):
        n = start
        while True:
            yield n
            n += step

    def cycle(iterable):
        saved = []
        for element in iterable:
            yield element
            saved.append(element)
        while saved:
            yield from saved

    def repeat(object, times=None):
        if times is None:
            while True:
                yield object
        else:
            for _ in range(times):
                yield object

    def accumulate(iterable, func=None, *, initial=None):
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

    def _islice_arg(x, what):
        if x is None:
            return None
        if not isinstance(x, int) or x < 0:
            raise ValueError(what + ' for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
        return x

    def islice(iterable, *args):
        if not 1 <= len(args) <= 3:
            raise TypeError(f'islice expected at {"least 2" if not args else "most 4"} arguments, got {len(args) + 1}')
        s = slice(*args)
        start = _islice_arg(s.start, 'Indices') or 0
        stop = _islice_arg(s.stop, 'Stop argument' if len(args) == 1 else 'Indices')
        step = s.step
        if step is None:
            step = 1
        elif not isinstance(step, int) or step <= 0:
            raise ValueError('Step for islice() must be a positive integer or None.')
        it = iter(iterable)
        i = 0
        nexti = start
        while stop is None or nexti < stop:
            element = next(it, _MISSING)
            if element is _MISSING:
                return
            if i == nexti:
                yield element
                nexti += step
            i += 1

    def zip_longest(*iterables, fillvalue=None):
        iterators = [iter(it) for it in iterables]
        active = len(iterators)
        while active:
            values = []
            for i, it in enumerate(iterators):
                value = _MISSING if it is None else next(it, _MISSING)
                if value is _MISSING:
                    if iterators[i] is not None:
                        active -= 1
                        iterators[i] = None
                    if not active:
                        return
                    value = fillvalue
                values.append(value)
            yield tuple(values)

    def product(*iterables, repeat=1):
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        pools = [tuple(pool) for pool in iterables] * repeat
        result = [()]
        for pool in pools:
            result = [x + (y,) for x in result for y in pool]
        yield from result

    def permutations(iterable, r=None):
        pool = tuple(iterable)
        n = len(pool)
        r = n if r is None else r
        if r < 0:
            raise ValueError('r must be non-negative')
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

    def _combinations(pool, r, replace):
        n = len(pool)
        if (not n and r) if replace else r > n:
            return
        indices = [0] * r if replace else list(range(r))
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != (n - 1 if replace else i + n - r):
                    break
            else:
                return
            if replace:
                indices[i:] = [indices[i] + 1] * (r - i)
            else:
                indices[i] += 1
                for j in range(i + 1, r):
                    indices[j] = indices[j - 1] + 1
            yield tuple(pool[i] for i in indices)

    def combinations(iterable, r):
        if r < 0:
            raise ValueError('r must be non-negative')
        return _combinations(tuple(iterable), r, False)

    def combinations_with_replacement(iterable, r):
        if r < 0:
            raise ValueError('r must be non-negative')
        return _combinations(tuple(iterable), r, True)

    def groupby(iterable, key=None):
        it = iter(iterable)
        element = next(it, _MISSING)
        while element is not _MISSING:
            k = element if key is None else key(element)
            group = [element]
            element = next(it, _MISSING)
            while element is not _MISSING and (element if key is None else key(element)) == k:
                group.append(element)
                element = next(it, _MISSING)
            yield k, iter(group)

    def starmap(function, iterable):
        for args in iterable:
            yield function(*args)

    def takewhile(predicate, iterable):
        for x in iterable:
            if not predicate(x):
                return
            yield x

    def dropwhile(predicate, iterable):
        it = iter(iterable)
        for x in it:
            if not predicate(x):
                yield x
                break
        yield from it

    def filterfalse(predicate, iterable):
        for x in iterable:
            if not (bool(x) if predicate is None else predicate(x)):
                yield x

    def compress(data, selectors):
        for d, s in zip(data, selectors):
            if s:
                yield d

    def pairwise(iterable):
        it = iter(iterable)
        a = next(it, _MISSING)
        for b in it:
            yield a, b
            a = b

    def tee(iterable, n=2):
        items = list(iterable)
        return tuple(iter(items) for _ in range(n))

    return {'chain': chain, 'count': count, 'cycle': cycle, 'repeat': repeat,
            'accumulate': accumulate, 'islice': islice, 'zip_longest': zip_longest,
            'product': product, 'permutations': permutations, 'combinations': combinations,
            'combinations_with_replacement': combinations_with_replacement, 'groupby': groupby,
            'starmap': starmap, 'takewhile': takewhile, 'dropwhile': dropwhile,
            'filterfalse': filterfalse, 'compress': compress, 'pairwise': pairwise, 'tee': tee}
