import copy
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple

Point = namedtuple('Point', 'x y')
p = Point([1], 2)
q = copy.deepcopy(p)
r = copy.copy(p)
print(q, type(q).__name__, q.x is p.x, r.x is p.x, r == p)
od = OrderedDict(a=[1])
od2 = copy.deepcopy(od)
od['a'].append(2)
print(od2, od)
dd = defaultdict(list, {'z': [1]})
dd2 = copy.deepcopy(dd)
dd2['y'].append(1)
print(dd2, dd)
dq = deque([1, [2]], maxlen=3)
print(copy.deepcopy(dq), copy.deepcopy(Counter('abca')))
