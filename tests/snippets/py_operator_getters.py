from operator import attrgetter, itemgetter, methodcaller

pairs = [('b', 2), ('a', 3), ('c', 1)]
print(sorted(pairs, key=itemgetter(1)), max(pairs, key=itemgetter(0)), itemgetter(0, 1)(pairs[0]))
print(itemgetter(slice(1, None))([1, 2, 3]), list(map(itemgetter('k'), [{'k': 1}, {'k': 2}])))


class Person:
    def __init__(self, name, age):
        self.name = name
        self.age = age
        self.me = self


people = [Person('x', 3), Person('y', 1)]
print([p.name for p in sorted(people, key=attrgetter('age'))], attrgetter('name', 'age')(people[0]))
print(attrgetter('me.me.name')(people[1]), methodcaller('upper')('abc'), methodcaller('split', ',')('a,b'))
print(itemgetter(1), attrgetter('a', 'b'), methodcaller('f', 1, k=2))
try:
    attrgetter(1)
except TypeError as e:
    print(e)
