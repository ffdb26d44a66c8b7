import copy

a = [1, [2, 3], {'k': [4]}, (5, [6])]
shallow = copy.copy(a)
deep = copy.deepcopy(a)
a[1].append(9)
a[2]['k'].append(8)
a[3][1].append(7)
print(shallow)
print(deep)
print(shallow[1] is a[1], deep[1] is a[1], deep[3] is a[3])
t = (1, 'two', (3.0, None))
print(copy.deepcopy(t) is t, copy.copy({1, 2}), copy.deepcopy({'s': {1, 2}}))
f = lambda: 1
print(copy.deepcopy(f) is f, copy.copy(len) is len, copy.deepcopy(int) is int)
try:
    copy.deepcopy(x for x in [1])
except TypeError as e:
    print(e)
