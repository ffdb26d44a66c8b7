from collections import namedtuple

Point = namedtuple('Point', 'x y')
p = Point(1, y=2)
print(p, str(p), p.x, p[1], len(p), tuple(p), list(p))
a, b = p
print(a, b, isinstance(p, tuple), isinstance(p, Point), type(p) is Point, issubclass(Point, tuple))
print(p + (3,), (0,) + p, p * 2, p[:1], p[::-1])
print(p == (1, 2), p < (1, 3), p != Point(2, 1), 1 in p, p.count(1), p.index(2))
print(hash(p) == hash((1, 2)), {p: 'a'}[(1, 2)], {(1, 2): 'b'}[p], len({p, (1, 2)}))
print(Point.__mro__, Point.__bases__, bool(Point(0, 0)), sorted([Point(2, 1), Point(1, 2)]))
print(f'{p}', '%s and %r' % (p, p), max(Point(1, 2), Point(1, 3)))
