# A class that defines __eq__ without __hash__ is unhashable, and so are its subclasses.
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
    def __eq__(self, o): return (self.x, self.y) == (o.x, o.y)
class Hashed(Point):
    def __hash__(self): return hash((self.x, self.y))
class Sub(Point): pass
class Plain: pass
h = Hashed(1, 2)
print(Point(1, 2) == Point(1, 2), len({h, h}), len({Plain(), Plain()}))
for cls in (Point, Sub):
    try:
        {cls(0, 0): "origin"}
    except TypeError as e:
        print(e)
print({Point(1, 2)})
