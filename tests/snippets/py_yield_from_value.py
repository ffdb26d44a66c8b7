# The value of `yield from` is what the inner generator returned.
def inner():
    yield 1
    yield 2
    return "done"
def outer():
    r = yield from inner()
    print("inner returned", r)
    a, b = yield from pair()
    print(a, b)
    x = yield from [7]
    print("list gives", x)
    yield 3
def pair():
    if False:
        yield
    return 4, 5
print(list(outer()))
def averager():
    total, n = 0, 0
    for v in [1, 2, 3]:
        total += v
        n += 1
        yield total / n
    return total / n
def run():
    final = yield from averager()
    print("final", final)
for avg in run():
    print(avg)
