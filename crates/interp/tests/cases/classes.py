class Vec:
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Vec.count += 1
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    @property
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    @staticmethod
    def zero():
        return Vec(0, 0)
    @classmethod
    def unit(cls):
        return cls(1, 0)

a = Vec(1, 2)
b = Vec(3, 4)
print(a + b, a * 2, 3 * a, a == Vec(1, 2), a != b, len(a), a[1], list(a))
print(a.norm2, Vec.zero(), Vec.unit(), Vec.count)
print(str(a), repr(a), [a, b], {'k': a})

class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def __str__(self):
        return f"Animal({self.name})"

class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return super().speak() + " (woof)"

d = Dog("Rex", "lab")
print(d.speak(), d, isinstance(d, Animal), issubclass(Dog, Animal), type(d).__name__)
print(hasattr(d, 'breed'), getattr(d, 'missing', 'default'), d.__class__.__name__)
setattr(d, 'age', 3)
print(d.age, sorted(vars(d).items()))

class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self, k=1):
        self.n += k
        return self.n
c = Counter()
c(); c(5)
print(c.n, callable(c), callable(3))

class Stack:
    def __init__(self):
        self.items = []
    def push(self, x):
        self.items.append(x)
        return self
    def __bool__(self):
        return bool(self.items)
    def __iter__(self):
        return iter(self.items)
s = Stack().push(1).push(2)
print(bool(s), bool(Stack()), [x * 10 for x in s])
print(Vec)
class E(Exception):
    pass
try:
    raise E("custom", 2)
except E as e:
    print(type(e).__name__, e.args, str(e), repr(e))
