from collections import OrderedDict

od = OrderedDict()
print(od, type(od), isinstance(od, dict))
od["b"] = 2
od["a"] = 1
od["c"] = 3
print(od)
od.move_to_end("b")
od.move_to_end("c", last=False)
print(od, list(od))
print(od.popitem(), od.popitem(last=False), od)
o1 = OrderedDict([("x", 1), ("y", 2)])
o2 = OrderedDict(y=2, x=1)
print(o1.keys(), o1.values(), o1.items())
print(o1 == o2, o1 == dict(o2), dict(o2) == o1)
print(list(reversed(o1)), o1.copy(), OrderedDict.fromkeys("ab", 0))
for k, v in o1.items():
    print(k, v)
