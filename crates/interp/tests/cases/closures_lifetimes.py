def outer(n):
    def a():
        return b() + 1
    def b():
        return n
    return a
f = outer(5)
print(f())
def counter():
    c = 0
    def inc():
        nonlocal c
        c += 1
        return c
    inc(); inc()
    return c
print(counter())
def mk():
    fs = [lambda i=i: i for i in range(3)]
    return fs
print([g() for g in mk()])
def deco(fn):
    def w(*a):
        return fn(*a) * 2
    return w
@deco
def sq(x):
    return x * x
print(sq(3))
def gen_user():
    def helper(x):
        return x + 1
    return (helper(i) for i in range(3))
print(list(gen_user()))
