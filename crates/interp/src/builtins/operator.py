def __build_operator():
    # The `operator` module (CPython's Lib/operator.py): the operators as functions, and
    # itemgetter / attrgetter / methodcaller.

    def lt(a, b):
        return a < b

    def le(a, b):
        return a <= b

    def eq(a, b):
        return a == b

    def ne(a, b):
        return a != b

    def ge(a, b):
        return a >= b

    def gt(a, b):
        return a > b

    def not_(a):
        return not a

    def truth(a):
        return True if a else False

    def is_(a, b):
        return a is b

    def is_not(a, b):
        return a is not b

    def abs_(a):
        return abs(a)

    def add(a, b):
        return a + b

    def and_(a, b):
        return a & b

    def floordiv(a, b):
        return a // b

    def index(a):
        return a.__index__() if not isinstance(a, int) else a

    def inv(a):
        return ~a

    def lshift(a, b):
        return a << b

    def mod(a, b):
        return a % b

    def mul(a, b):
        return a * b

    def matmul(a, b):
        return a @ b

    def neg(a):
        return -a

    def or_(a, b):
        return a | b

    def pos(a):
        return +a

    def pow_(a, b):
        return a ** b

    def rshift(a, b):
        return a >> b

    def sub(a, b):
        return a - b

    def truediv(a, b):
        return a / b

    def xor(a, b):
        return a ^ b

    def concat(a, b):
        if not isinstance(a, (list, tuple, str)) and not hasattr(a, '__getitem__'):
            raise TypeError(f"'{type(a).__name__}' object can't be concatenated")
        return a + b

    def contains(a, b):
        return b in a

    def countOf(a, b):
        count = 0
        for i in a:
            if i is b or i == b:
                count += 1
        return count

    def indexOf(a, b):
        for i, j in enumerate(a):
            if j is b or j == b:
                return i
        raise ValueError('sequence.index(x): x not in sequence')

    def getitem(a, b):
        return a[b]

    def setitem(a, b, c):
        a[b] = c

    def delitem(a, b):
        del a[b]

    def length_hint(obj, default=0):
        try:
            return len(obj)
        except TypeError:
            return default

    def iadd(a, b):
        a += b
        return a

    def isub(a, b):
        a -= b
        return a

    def imul(a, b):
        a *= b
        return a

    def itruediv(a, b):
        a /= b
        return a

    class attrgetter:
        __module__ = 'operator'

        def __init__(self, attr, *attrs):
            for a in (attr,) + attrs:
                if not isinstance(a, str):
                    raise TypeError('attribute name must be a string')
            self._attrs = (attr,) + attrs

        def _get(self, obj, name):
            for part in name.split('.'):
                obj = getattr(obj, part)
            return obj

        def __call__(self, obj):
            if len(self._attrs) == 1:
                return self._get(obj, self._attrs[0])
            return tuple(self._get(obj, a) for a in self._attrs)

        def __repr__(self):
            return 'operator.attrgetter(' + ', '.join(repr(a) for a in self._attrs) + ')'

    class itemgetter:
        __module__ = 'operator'

        def __init__(self, item, *items):
            self._items = (item,) + items

        def __call__(self, obj):
            if len(self._items) == 1:
                return obj[self._items[0]]
            return tuple(obj[i] for i in self._items)

        def __repr__(self):
            return 'operator.itemgetter(' + ', '.join(repr(i) for i in self._items) + ')'

    class methodcaller:
        __module__ = 'operator'

        def __init__(self, name, /, *args, **kwargs):
            if not isinstance(name, str):
                raise TypeError('method name must be a string')
            self._name = name
            self._args = args
            self._kwargs = kwargs

        def __call__(self, obj):
            return getattr(obj, self._name)(*self._args, **self._kwargs)

        def __repr__(self):
            args = [repr(self._name)]
            args.extend(repr(a) for a in self._args)
            args.extend(f'{k}={v!r}' for k, v in self._kwargs.items())
            return 'operator.methodcaller(' + ', '.join(args) + ')'

    names = {
        'lt': lt, 'le': le, 'eq': eq, 'ne': ne, 'ge': ge, 'gt': gt, 'not_': not_,
        'truth': truth, 'is_': is_, 'is_not': is_not, 'abs': abs_, 'add': add, 'and_': and_,
        'floordiv': floordiv, 'index': index, 'inv': inv, 'invert': inv, 'lshift': lshift,
        'mod': mod, 'mul': mul, 'matmul': matmul, 'neg': neg, 'or_': or_, 'pos': pos,
        'pow': pow_, 'rshift': rshift, 'sub': sub, 'truediv': truediv, 'xor': xor,
        'concat': concat, 'contains': contains, 'countOf': countOf, 'indexOf': indexOf,
        'getitem': getitem, 'setitem': setitem, 'delitem': delitem, 'length_hint': length_hint,
        'iadd': iadd, 'isub': isub, 'imul': imul, 'itruediv': itruediv,
        'attrgetter': attrgetter, 'itemgetter': itemgetter, 'methodcaller': methodcaller,
    }
    return names
