def __build_collections():
    # CPython 3.11's collections, as Python over our dict subclassing (Lib/collections).
    _KEYWORDS = ('False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break',
                 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for',
                 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
                 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield')

    _repr_running = set()

    def _recursive_repr(fillvalue):
        # reprlib.recursive_repr: an object inside itself prints as `fillvalue`.
        def decorating_function(user_function):
            def wrapper(self):
                key = id(self)
                if key in _repr_running:
                    return fillvalue
                _repr_running.add(key)
                try:
                    return user_function(self)
                finally:
                    _repr_running.discard(key)
            return wrapper
        return decorating_function

    class _OdictView:
        __module__ = 'collections'

        def __init__(self, kind, view):
            self._kind = kind
            self._view = view

        def __iter__(self):
            return iter(self._view)

        def __len__(self):
            return len(self._view)

        def __contains__(self, x):
            return x in self._view

        def __reversed__(self):
            return reversed(list(self._view))

        def __eq__(self, other):
            return list(self) == list(other) if isinstance(other, _OdictView) else NotImplemented

        def __repr__(self):
            return f'{self._kind}({list(self._view)!r})'

    class OrderedDict(dict):
        __module__ = 'collections'

        @_recursive_repr('...')
        def __repr__(self):
            if not self:
                return f'{type(self).__name__}()'
            return f'{type(self).__name__}({list(dict.items(self))!r})'

        def keys(self):
            return _OdictView('odict_keys', dict.keys(self))

        def values(self):
            return _OdictView('odict_values', dict.values(self))

        def items(self):
            return _OdictView('odict_items', dict.items(self))

        def __reversed__(self):
            return reversed(list(dict.keys(self)))

        def move_to_end(self, key, last=True):
            value = dict.pop(self, key)
            if last:
                dict.__setitem__(self, key, value)
            else:
                rest = list(dict.items(self))
                dict.clear(self)
                dict.__setitem__(self, key, value)
                dict.update(self, rest)

        def popitem(self, last=True):
            if not self:
                raise KeyError('dictionary is empty')
            key = next(reversed(self)) if last else next(iter(self))
            return key, dict.pop(self, key)

        def __eq__(self, other):
            if isinstance(other, OrderedDict):
                return dict.__eq__(self, other) and list(dict.keys(self)) == list(dict.keys(other))
            return dict.__eq__(self, other)

        def copy(self):
            return type(self)(self)

        def __or__(self, other):
            if not isinstance(other, dict):
                return NotImplemented
            new = self.copy()
            new.update(other)
            return new

        def __ror__(self, other):
            if not isinstance(other, dict):
                return NotImplemented
            new = type(self)(other)
            new.update(self)
            return new

        def __ior__(self, other):
            self.update(other)
            return self

        @classmethod
        def fromkeys(cls, iterable, value=None):
            self = cls()
            for key in iterable:
                self[key] = value
            return self

    class defaultdict(dict):
        __module__ = 'collections'

        def __init__(self, default_factory=None, *args, **kwargs):
            if default_factory is not None and not callable(default_factory):
                raise TypeError('first argument must be callable or None')
            super().__init__(*args, **kwargs)
            self.default_factory = default_factory

        def __missing__(self, key):
            if self.default_factory is None:
                raise KeyError(key)
            value = self.default_factory()
            self[key] = value
            return value

        def __repr__(self):
            return f'{type(self).__name__}({self.default_factory!r}, {dict.__repr__(self)})'

        def copy(self):
            return type(self)(self.default_factory, self)

        def __or__(self, other):
            if not isinstance(other, dict):
                return NotImplemented
            new = self.copy()
            new.update(other)
            return new

        def __ror__(self, other):
            if not isinstance(other, dict):
                return NotImplemented
            new = type(self)(self.default_factory, other)
            new.update(self)
            return new

        def __ior__(self, other):
            self.update(other)
            return self

    class Counter(dict):
        __module__ = 'collections'

        def __init__(self, iterable=None, **kwds):
            super().__init__()
            self.update(iterable, **kwds)

        def __missing__(self, key):
            return 0

        def total(self):
            return sum(dict.values(self))

        def most_common(self, n=None):
            items = sorted(dict.items(self), key=lambda kv: kv[1], reverse=True)
            return items if n is None else items[:max(n, 0)]

        def elements(self):
            return iter([elem for elem, count in dict.items(self) for _ in range(count)])

        def update(self, iterable=None, **kwds):
            if iterable is not None:
                if isinstance(iterable, dict):
                    for elem, count in iterable.items():
                        self[elem] = count + self[elem]
                else:
                    for elem in iterable:
                        self[elem] = self[elem] + 1
            if kwds:
                self.update(kwds)

        def subtract(self, iterable=None, **kwds):
            if iterable is not None:
                if isinstance(iterable, dict):
                    for elem, count in iterable.items():
                        self[elem] = self[elem] - count
                else:
                    for elem in iterable:
                        self[elem] = self[elem] - 1
            if kwds:
                self.subtract(kwds)

        def copy(self):
            return type(self)(self)

        def __delitem__(self, elem):
            if elem in self:
                dict.__delitem__(self, elem)

        def __eq__(self, other):
            if not isinstance(other, Counter):
                return dict.__eq__(self, other)
            return all(self[e] == other[e] for c in (self, other) for e in c)

        def __repr__(self):
            if not self:
                return f'{type(self).__name__}()'
            try:
                d = dict(self.most_common())
            except TypeError:
                d = dict(self)
            return f'{type(self).__name__}({d!r})'

        def _keep(self, pairs):
            result = Counter()
            for elem, count in pairs:
                if count > 0:
                    result[elem] = count
            return result

        def __add__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            return self._keep([(e, self[e] + other[e]) for e in self] + [(e, c) for e, c in other.items() if e not in self])

        def __sub__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            return self._keep([(e, c - other[e]) for e, c in self.items()] + [(e, 0 - c) for e, c in other.items() if e not in self])

        def __or__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            return self._keep([(e, max(c, other[e])) for e, c in self.items()] + [(e, c) for e, c in other.items() if e not in self])

        def __and__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            return self._keep([(e, min(c, other[e])) for e, c in self.items()])

        def __pos__(self):
            return self._keep(self.items())

        def __neg__(self):
            return self._keep([(e, 0 - c) for e, c in self.items()])

    # namedtuple's methods (CPython's collections/__init__.py); each class is a real tuple
    # subclass made by type(), these functions in its namespace.
    def _nt_new(_cls, *args, **kwargs):
        cls = _cls.__name__
        fields = _cls._fields
        if len(args) > len(fields):
            raise TypeError(f'{cls}.__new__() takes {len(fields) + 1} positional arguments but {len(args) + 1} were given')
        values = list(args)
        missing = []
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in _cls._field_defaults:
                values.append(_cls._field_defaults[name])
            else:
                missing.append(repr(name))
        for name in fields[:len(args)]:
            if name in kwargs:
                raise TypeError(f"{cls}.__new__() got multiple values for argument '{name}'")
        for name in kwargs:
            raise TypeError(f"{cls}.__new__() got an unexpected keyword argument '{name}'")
        if missing:
            s = 's' if len(missing) > 1 else ''
            names = ', '.join(missing[:-1]) + ' and ' + missing[-1] if len(missing) > 1 else missing[0]
            raise TypeError(f'{cls}.__new__() missing {len(missing)} required positional argument{s}: {names}')
        return tuple.__new__(_cls, values)

    def _nt_make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != len(cls._fields):
            raise TypeError(f'Expected {len(cls._fields)} arguments, got {len(result)}')
        return result

    def _nt_replace(self, /, **kwds):
        result = self._make([kwds.pop(name, v) for name, v in zip(self._fields, self)])
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return result

    def _nt_repr(self):
        return self.__class__.__name__ + '(' + ', '.join(f'{n}={v!r}' for n, v in zip(self._fields, self)) + ')'

    def _nt_asdict(self):
        return dict(zip(self._fields, self))

    def _nt_getnewargs(self):
        return tuple(self)

    def _field(i):
        return property(lambda self: self[i])

    def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
        if isinstance(field_names, str):
            field_names = field_names.replace(',', ' ').split()
        field_names = list(map(str, field_names))
        typename = str(typename)
        if rename:
            seen = set()
            for index, name in enumerate(field_names):
                if (not name.isidentifier() or name in _KEYWORDS
                        or name.startswith('_') or name in seen):
                    field_names[index] = f'_{index}'
                seen.add(name)
        for name in [typename] + field_names:
            if not name.isidentifier():
                raise ValueError(f'Type names and field names must be valid identifiers: {name!r}')
            if name in _KEYWORDS:
                raise ValueError(f'Type names and field names cannot be a keyword: {name!r}')
        seen = set()
        for name in field_names:
            if name.startswith('_') and not rename:
                raise ValueError(f'Field names cannot start with an underscore: {name!r}')
            if name in seen:
                raise ValueError(f'Encountered duplicate field name: {name!r}')
            seen.add(name)
        field_defaults = {}
        if defaults is not None:
            defaults = tuple(defaults)
            if len(defaults) > len(field_names):
                raise TypeError('Got more default values than field names')
            field_defaults = dict(zip(field_names[len(field_names) - len(defaults):], defaults))
        ns = {'__module__': '__main__' if module is None else module, '__slots__': (),
              '_fields': tuple(field_names), '_field_defaults': field_defaults,
              '__new__': _nt_new, '_make': classmethod(_nt_make), '_replace': _nt_replace,
              '__repr__': _nt_repr, '_asdict': _nt_asdict, '__getnewargs__': _nt_getnewargs,
              '__match_args__': tuple(field_names)}
        for i, name in enumerate(field_names):
            ns[name] = _field(i)
        return type(typename, (tuple,), ns)

    class deque:
        __module__ = 'collections'

        def __init__(self, iterable=(), maxlen=None):
            if maxlen is not None:
                if not isinstance(maxlen, int):
                    raise TypeError('an integer is required')
                if maxlen < 0:
                    raise ValueError('maxlen must be non-negative')
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

        def pop(self):
            if not self._items:
                raise IndexError('pop from an empty deque')
            return self._items.pop()

        def popleft(self):
            if not self._items:
                raise IndexError('pop from an empty deque')
            return self._items.pop(0)

        def extend(self, iterable):
            for x in list(iterable):
                self.append(x)

        def extendleft(self, iterable):
            for x in list(iterable):
                self.appendleft(x)

        def rotate(self, n=1):
            k = len(self._items)
            if k:
                n = n % k
                if n:
                    self._items[:] = self._items[-n:] + self._items[:-n]

        def clear(self):
            self._items.clear()

        def copy(self):
            return type(self)(self._items, self._maxlen)

        def count(self, x):
            return self._items.count(x)

        def index(self, x, *args):
            if x in self._items[slice(*args)] if args else x in self._items:
                return self._items.index(x, *args)
            raise ValueError(f'{x!r} is not in deque')

        def insert(self, i, x):
            if self._maxlen is not None and len(self._items) >= self._maxlen:
                raise IndexError('deque already at its maximum size')
            self._items.insert(i, x)

        def remove(self, value):
            if value not in self._items:
                raise ValueError(f'{value!r} is not in deque')
            self._items.remove(value)

        def reverse(self):
            self._items.reverse()

        def _index(self, i):
            if not isinstance(i, int):
                raise TypeError(f'sequence index must be integer, not {type(i).__name__!r}')
            if i < -len(self._items) or i >= len(self._items):
                raise IndexError('deque index out of range')
            return i

        def __getitem__(self, i):
            return self._items[self._index(i)]

        def __setitem__(self, i, x):
            self._items[self._index(i)] = x

        def __delitem__(self, i):
            del self._items[self._index(i)]

        def __len__(self):
            return len(self._items)

        def __iter__(self):
            return iter(self._items)

        def __reversed__(self):
            return reversed(self._items)

        def __contains__(self, x):
            return x in self._items

        def __eq__(self, other):
            if not isinstance(other, deque):
                return NotImplemented
            return self._items == other._items

        def __add__(self, other):
            if not isinstance(other, deque):
                raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
            return type(self)(self._items + other._items, self._maxlen)

        def __iadd__(self, other):
            self.extend(other)
            return self

        @_recursive_repr('[...]')
        def __repr__(self):
            if self._maxlen is None:
                return f'{type(self).__name__}({self._items!r})'
            return f'{type(self).__name__}({self._items!r}, maxlen={self._maxlen})'

    return {'OrderedDict': OrderedDict, 'defaultdict': defaultdict, 'Counter': Counter,
            'namedtuple': namedtuple, 'deque': deque}
