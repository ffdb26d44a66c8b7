from collections import Counter


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f'Point({self.x}, {self.y})'


d = {Point(1, 2): 'a'}
print(d[Point(1, 2)], Point(1, 2) in d, Point(2, 1) in d, d.get(Point(1, 2)))
d[Point(1, 2)] = 'b'
print(d, hash(Point(1, 2)) == hash((1, 2)), {(Point(1, 2), 3): 'k'}[(Point(1, 2), 3)])
print(Counter([Point(1, 1), Point(1, 1), Point(2, 2)]), dict.fromkeys([Point(0, 0), Point(0, 0)]))
