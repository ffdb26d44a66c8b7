from collections import OrderedDict

od = OrderedDict(a=1, b=2)
print(od["a"])
print(od["c"])
