class Counter:
    total = 0

    def __init__(self, start=0):
        self.count = start

    def inc(self, by=1):
        self.count += by
        Counter.total += by
        return self

    def __repr__(self):
        return f"Counter({self.count})"


class Named(Counter):
    def __init__(self, name):
        super().__init__(10)
        self.name = name


c = Counter().inc().inc(5)
print(c, c.count, Counter.total)
n = Named("n")
n.inc()
print(n, n.name, isinstance(n, Counter), type(n).__name__, Counter.total)
print(hasattr(n, "name"), getattr(n, "missing", "default"))
