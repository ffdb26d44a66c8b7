xs = [3, 1, 2]
xs.append(5)
xs.extend([0, 4])
print(xs, len(xs))
xs.sort()
print(xs)
print(xs.pop(), xs.pop(0), xs)
xs.insert(1, 9)
xs.remove(3)
print(xs, xs.index(9), xs.count(2))
print(sorted(xs, reverse=True), list(reversed(xs)))
print(xs[1:], xs[::2], xs[-2:], [0] * 3, [1] + [2])
ys = xs
ys.append(7)
print(xs is ys, xs == ys[:], xs)
del xs[0]
print(xs)
