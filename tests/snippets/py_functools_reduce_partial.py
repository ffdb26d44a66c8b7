from functools import reduce, partial

print(reduce(lambda a, b: a * b, [1, 2, 3, 4]), reduce(lambda a, b: a + b, [], 10))
print(reduce(max, [3, 9, 2]), reduce(lambda acc, w: acc + len(w), ["ab", "cde"], 0))


def power(base, exp):
    return base ** exp


square = partial(power, exp=2)
print(square(5), partial(power, 2)(10), square.func is power, square.args, square.keywords)
print(partial(int, base=2)("1010"), list(map(partial(power, 3), range(4))))
