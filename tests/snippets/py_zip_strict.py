# zip(strict=True) raises when the lengths differ, naming the argument.
print(list(zip("ab", [1, 2], strict=True)), list(zip([], [], strict=True)), list(zip([1], strict=True)))
for args in ([[1, 2], [3]], [[1], [2, 3]], [[1, 2], [3, 4], [5]], [[1], [2], [3, 4]], [[], [1]]):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
xs, ys = [1.0, 2.0, 3.0], [2.0, 4.0]
for x, y in zip(xs, ys, strict=True):
    print(x, y)
