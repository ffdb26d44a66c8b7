print(max([], default=0), min([3, 1], default=0), max([(1, "a")], key=lambda p: p[0], default=None))
try:
    min(1, 2, default=0)
except TypeError as e:
    print(e)
print(max(1, 2, default=0))
