def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count(4)), sum(count(10)))
def evens(limit):
    for x in range(limit):
        if x % 2:
            continue
        if x > 6:
            break
        yield x
    else:
        yield 'never'
    yield 'end'
print(list(evens(100)))
def inf():
    n = 0
    while True:
        yield n
        n += 1
g = inf()
print(next(g), next(g), next(g))
print([x for x, _ in zip(inf(), range(5))])
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
def pairs(seq):
    prev = None
    for item in seq:
        if prev is not None:
            yield prev, item
        prev = item
print(list(pairs([1, 2, 3, 4])))
def early(n):
    for i in range(n):
        if i == 2:
            return
        yield i
print(list(early(10)))
def echo():
    x = yield 1
    print("got", x)
    yield 2
e = echo()
print(next(e)); print(next(e))
print(list(e), list(e))
def gen_err():
    yield 1
    raise ValueError("inside")
try:
    for v in gen_err():
        print("v", v)
except ValueError as ex:
    print("caught", ex)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
print(type(fib()).__name__)
def batches(data, size):
    for i in range(0, len(data), size):
        yield data[i:i + size]
for b in batches(list(range(7)), 3):
    print(b)
