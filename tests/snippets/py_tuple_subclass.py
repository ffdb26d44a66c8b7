class Pair(tuple):
    def swap(self):
        return Pair((self[1], self[0]))


p = Pair([1, 2])
print(p, type(p).__name__, p.swap(), p + p, type(p + p).__name__, len(Pair()), isinstance(p, tuple))


class Named(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    def __repr__(self):
        return f'Named{tuple(self)}'


n = Named(1, 2)
print(n, n == (1, 2), n[0], Named.__mro__)
