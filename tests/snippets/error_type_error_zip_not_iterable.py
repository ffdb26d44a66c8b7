xs = [1.0, 2.0]
try:
    zip(xs, 3)
except TypeError as e:
    print(e)
for x, y in zip(xs, len(xs)):
    print(x, y)
