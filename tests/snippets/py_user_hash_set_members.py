class Card:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return 7

    def __eq__(self, other):
        return self.v == other.v

    def __repr__(self):
        return f'Card({self.v})'


print(len({Card(1), Card(2), Card(1)}), hash(Card(5)))
s = {Card(0)}
s.add(Card(0))
print(s, Card(0) in s, {Card(1)} | {Card(1), Card(3)}, {Card(1)} & {Card(1)})


class Plain:
    def __hash__(self):
        return -1


a, b = Plain(), Plain()
print(len({a, b, a}), hash(a))


class NoHash:
    def __eq__(self, other):
        return True


try:
    {NoHash()}
except TypeError as e:
    print(e)
