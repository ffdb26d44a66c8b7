def f(a, b=2, *args, c=3, **kw):
    return (a, b, args, c, sorted(kw.items()))
print(f(1))
print(f(1, 5, 6, 7, c=9, z=1, y=2))
print(f(*[1, 2, 3], **{'c': 4, 'd': 5}))
def make_counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c1 = make_counter(); c2 = make_counter()
print(c1(), c1(), c2())
adders = [lambda x, i=i: x + i for i in range(3)]
print([g(10) for g in adders])
total = 0
def add(v):
    global total
    total += v
add(5); add(7)
print(total)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(30))
print(sorted(['banana', 'Apple', 'cherry'], key=str.lower))
print(sorted([(1, 'b'), (0, 'z'), (1, 'a')], reverse=True))
print(max([3, 1, 4], key=lambda v: -v), min('hello'), sum([0.1] * 10))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6])))
print(list(filter(None, [0, 1, '', 'a', None, [], [0]])))
print(any(x > 2 for x in [1, 2, 3]), all([]), any([]))
def deco(fn):
    def wrapper(*a, **k):
        return "<" + str(fn(*a, **k)) + ">"
    return wrapper
@deco
def hello(name):
    return "hi " + name
print(hello("bob"), hello.__name__)
def kwonly(*, a, b=1):
    return a + b
print(kwonly(a=1), kwonly(a=1, b=5))
try:
    kwonly(1)
except TypeError as e:
    print(e)
try:
    f()
except TypeError as e:
    print(e)
def g(x, y):
    pass
for args in [(1,), (1, 2, 3)]:
    try:
        g(*args)
    except TypeError as e:
        print(e)
try:
    g(1, y=2, z=3)
except TypeError as e:
    print(e)
print((lambda: 42)(), (lambda *a: a)(1, 2))
