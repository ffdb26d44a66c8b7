# How a call binds its arguments, and which TypeError CPython reports first when several are wrong:
# keywords are checked before the count of positional arguments.
def f(a):
    return a
def g(a, b=1):
    return a
def h(a, *, k=0):
    return a
def z():
    return 0
tests = [
    lambda: f(1, 2, c=3),
    lambda: f(1, 2),
    lambda: f(1, a=2),
    lambda: f(1, 2, a=3),
    lambda: g(1, 2, 3),
    lambda: h(1, 2, k=5),
    lambda: h(1, 2, 3, k=5),
    lambda: z(1),
    lambda: z(1, 2),
    lambda: f(),
    lambda: g(b=2),
    lambda: h(1, j=2),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
