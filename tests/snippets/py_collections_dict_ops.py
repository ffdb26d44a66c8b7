from collections import OrderedDict, defaultdict, Counter


class Config(dict):
    pass


c = Config(lr=0.1)
print(c | {"epochs": 3}, type(c | {"epochs": 3}).__name__, {"seed": 0} | c)
c |= {"momentum": 0.9}
print(c, type(c).__name__)
od = OrderedDict(a=1)
print(od | {"b": 2}, {"b": 2} | od)
dd = defaultdict(int, a=1)
print(dd | {"b": 2}, Counter("ab") | Counter("bc"))
loop = OrderedDict()
loop["self"] = loop
print(loop)
words = Counter("the cat the hat".split())
print(max(words, key=words.get), sum(words.values()), sorted(words), f"{words}")
