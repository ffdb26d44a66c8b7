class Base:
    kind = "base"
    registry = []
    def __init__(self, name):
        self.name = name
        Base.registry.append(name)
    def describe(self):
        return f"{self.kind}:{self.name}"
    def __repr__(self):
        return f"<{type(self).__name__} {self.name!r}>"
class Mid(Base):
    kind = "mid"
    def describe(self):
        return "M(" + super().describe() + ")"
class Leaf(Mid):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra
    def describe(self):
        return "L(" + super().describe() + f", {self.extra})"
objs = [Base("a"), Mid("b"), Leaf("c", 3)]
print([o.describe() for o in objs], Base.registry, objs)
objs[0].kind = "shadow"
print(objs[0].kind, Base.kind, Leaf.kind, Leaf.__mro__ if False else Leaf.__bases__)
d = {objs[0]: 1}
print(d[objs[0]], objs[0] in d, objs[1] in d)
def f(x, acc=[]):
    acc.append(x)
    return acc
print(f(1), f(2), f(3, []))
fns = []
for i in range(3):
    fns.append(lambda: i)
print([g() for g in fns])
def outer():
    x = 'outer'
    def inner():
        return x
    x = 'changed'
    return inner()
print(outer())
count = 0
def bump():
    def inner():
        global count
        count += 10
    inner()
bump(); bump()
print(count)
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("fin", i)
def g():
    try:
        return "try"
    finally:
        print("finally runs")
print(g())
pairs = [(1, 'b'), (2, 'a'), (1, 'a')]
for i, (n, s) in enumerate(pairs, start=1):
    print(i, n, s, end=' | ')
print()
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: (p[1], -p[0])))
print(list(zip([1, 2, 3], [4, 5])), dict(zip(['a', 'b'], range(2))), max(['apple', 'fig', 'kiwi'], key=len), min([], default=None))
print(isinstance(True, int), isinstance(1, bool), isinstance(1.0, (int, float)), type(True) is bool, 1 == True, hash(1) == hash(1.0))
words = "the quick brown fox jumps over the lazy dog".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(freq, sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print({w: len(w) for w in words if len(w) > 3}, [w.upper() for w in words[:3]], ''.join(reversed('abc')))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], list(map(list, zip(*matrix))), sum(map(sum, matrix)))
print("%5s|%-5s|%05.1f|%+d" % ("a", "b", 3.14159, 7), f"{'q' + chr(39)!r}", f"{ {'k': 1}['k'] }", f"{3.0:g}|{1e-5:g}|{123456789:g}")
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise MyErr(42, "bad thing")
except MyErr as e:
    print(e.code, e, e.args, repr(e))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("converted") from None
except ValueError as e:
    print("got", e)
x = 0
def side(v):
    global x
    x += 1
    return v
print(side(1) < side(2) < side(0) < side(5), x)
a = list(range(10))
del a[2:8:2]
print(a, a[-3:], a[:-3], a[::3], a[5:2:-1])
s = "Hello"
print(s * 2, s[1:4], s[-1], s.lower().count('l'), s.index('l'), ','.join(s), s.replace('l', 'L', 1), s[::-2])
print(1 if 0 else 2 if 0 else 3, [x for x in range(3)] == [0, 1, 2], (1, 2) == [1, 2], None == 0, [] == [], {} == dict())
print(str(1e16), str(1.0), repr(0.1), 2 ** 0.5, 10 / 3, -7 / 2, 7 // -2.0, 1e-10, 1.0e10, 12345678912345678.0)
