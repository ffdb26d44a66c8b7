def f(a, b=2, *args, c=3, **kw):
    return (a, b, args, c, kw)

print(f(1))
print(f(1, 5, 6, 7, c=8, d=9))
print(f(*[1, 2, 3], **{'c': 0}))
g = lambda x, y=10: x + y
print(g(1), g(1, y=2))
def no_return():
    pass
print(no_return())
def multi():
    return 1, 2
a, b = multi()
print(a, b, multi())
