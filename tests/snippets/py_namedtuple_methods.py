from collections import namedtuple

Point = namedtuple('Point', ['x', 'y'])
p = Point(3, 4)
print(p._asdict(), p._replace(x=5), Point._make([6, 7]), Point._fields, p._fields)
Opt = namedtuple('Opt', 'a b c', defaults=[10, 20])
print(Opt(1), Opt(1, c=3), Opt._field_defaults)


class Vec(Point):
    def norm2(self):
        return self.x ** 2 + self.y ** 2


v = Vec(3, 4)
print(v, v.norm2(), type(v).__name__, isinstance(v, Point), v._replace(y=0))
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point._make([1]), lambda: p._replace(z=1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for name in ['x', 'z']:
    try:
        setattr(p, name, 0)
    except AttributeError as e:
        print(e)
