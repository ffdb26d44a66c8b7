g = (x * x for x in range(10**12) if x % 3 == 0)
print(next(g), next(g), next(g))
print(any(x > 5 for x in range(10**12)), all(x < 5 for x in range(10**12)))
print(sum(x for x in range(10)), list(y for x in range(3) for y in range(x)), sorted((c for c in "hello"), reverse=True))
print(next((i for i in [1, 2, 3] if i > 1), None), next((i for i in [] ), 'empty'))
gen = (i for i in range(3))
print(list(gen), list(gen))
print(max(len(w) for w in "a bb ccc".split()), dict((k, v) for k, v in [(1, 2)]), tuple(i for i in 'ab'))
print(type(gen).__name__, str(gen)[:25])
def f():
    return (n * 2 for n in range(4))
print(list(f()))
x = 10
print(list(x + i for i in range(3)))
