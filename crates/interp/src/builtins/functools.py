def __build_functools():
    # CPython 3.11's functools (Lib/functools.py), the parts learners use.
    _MISSING = object()

    def reduce(function, iterable, initial=_MISSING):
        it = iter(iterable)
        value = next(it, _MISSING) if initial is _MISSING else initial
        if value is _MISSING:
            raise TypeError('reduce() of empty iterable with no initial value')
        for element in it:
            value = function(value, element)
        return value

    class partial:
        __module__ = 'functools'

        def __init__(self, func, *args, **keywords):
            if not callable(func):
                raise TypeError('the first argument must be callable')
            if isinstance(func, partial):
                args = func.args + args
                keywords = {**func.keywords, **keywords}
                func = func.func
            self.func = func
            self.args = args
            self.keywords = keywords

        def __call__(self, *args, **keywords):
            return self.func(*self.args, *args, **{**self.keywords, **keywords})

        def __repr__(self):
            args = [repr(self.func)] + [repr(x) for x in self.args]
            args += [f'{k}={v!r}' for k, v in self.keywords.items()]
            return f"functools.partial({', '.join(args)})"

    WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')

    def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=('__dict__',)):
        for attr in assigned:
            try:
                value = getattr(wrapped, attr)
            except AttributeError:
                pass
            else:
                setattr(wrapper, attr, value)
        wrapper.__wrapped__ = wrapped
        return wrapper

    def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=('__dict__',)):
        return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)

    class _CacheInfo:
        __module__ = 'functools'

        def __init__(self, hits, misses, maxsize, currsize):
            self.hits = hits
            self.misses = misses
            self.maxsize = maxsize
            self.currsize = currsize

        def __iter__(self):
            return iter((self.hits, self.misses, self.maxsize, self.currsize))

        def __eq__(self, other):
            return tuple(self) == tuple(other)

        def __repr__(self):
            return f'CacheInfo(hits={self.hits}, misses={self.misses}, maxsize={self.maxsize}, currsize={self.currsize})'

    _KWD_MARK = object()

    def _lru_wrapper(user_function, maxsize):
        cache = {}
        stats = [0, 0]

        def wrapper(*args, **kwds):
            key = args + (_KWD_MARK,) + tuple(kwds.items()) if kwds else args
            if key in cache:
                stats[0] += 1
                value = cache[key]
                if maxsize is not None:
                    del cache[key]
                    cache[key] = value
                return value
            stats[1] += 1
            value = user_function(*args, **kwds)
            if maxsize is None or maxsize > 0:
                cache[key] = value
                if maxsize is not None and len(cache) > maxsize:
                    del cache[next(iter(cache))]
            return value

        def cache_info():
            return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

        def cache_clear():
            cache.clear()
            stats[0] = stats[1] = 0

        update_wrapper(wrapper, user_function)
        wrapper.cache_info = cache_info
        wrapper.cache_clear = cache_clear
        return wrapper

    def lru_cache(maxsize=128, typed=False):
        if isinstance(maxsize, int):
            if maxsize < 0:
                maxsize = 0
        elif callable(maxsize) and isinstance(typed, bool):
            return _lru_wrapper(maxsize, 128)
        elif maxsize is not None:
            raise TypeError('Expected first argument to be an integer, a callable, or None')

        def decorating_function(user_function):
            return _lru_wrapper(user_function, maxsize)
        return decorating_function

    def cache(user_function):
        return _lru_wrapper(user_function, None)

    def cmp_to_key(mycmp):
        class K:
            __slots__ = ['obj']

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
        return K

    return {'reduce': reduce, 'partial': partial, 'update_wrapper': update_wrapper,
            'wraps': wraps, 'lru_cache': lru_cache, 'cache': cache, 'cmp_to_key': cmp_to_key,
            'WRAPPER_ASSIGNMENTS': WRAPPER_ASSIGNMENTS}
