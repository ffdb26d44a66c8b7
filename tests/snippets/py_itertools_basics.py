from itertools import chain, count, islice, zip_longest, accumulate, repeat, cycle, starmap

print(list(chain([1, 2], (3,), "ab")), list(chain.from_iterable([[1], [2, 3]])))
print(list(islice(count(), 5)), list(islice(count(10, 2), 3)), list(zip(count(1), "xyz")))
print(list(islice("abcdefg", 2, None)), list(islice("abcdefg", 1, 6, 2)))
print(list(zip_longest("abc", [1], fillvalue="-")), list(zip_longest([1, 2], [3])))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4], max)), list(accumulate([1, 2], initial=100)))
print(list(repeat("x", 3)), list(map(pow, range(4), repeat(2))), list(islice(cycle("ab"), 5)))
print(list(starmap(pow, [(2, 3), (3, 2)])))
for step, lr in zip(count(), [0.1, 0.01]):
    print(step, lr)
