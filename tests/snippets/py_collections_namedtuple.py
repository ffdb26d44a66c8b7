from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p[-1], Point._fields)
print(p._asdict(), p._replace(x=5), Point._make([3, 4]))
x, y = p
print(x, y, len(p), p == (1, 2), list(p), Point)
Sample = namedtuple("Sample", "features label weight", defaults=[1.0])
s = Sample([0.5, 0.2], 1)
print(s, s.weight, type(s).__name__, sorted([Point(2, 1), Point(1, 5)]))
for field, value in zip(s._fields, s):
    print(field, value)
