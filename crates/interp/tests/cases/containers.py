l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.insert(0, 0); l.remove(3)
print(l, l.pop(), l.pop(0), l, l.index(2), l.count(1), len(l))
l.sort(); print(l); l.reverse(); print(l); l.sort(key=lambda v: -v, reverse=True); print(l)
print(l[::2], l[1:-1], l[-1], l[:], l * 2, l + [9], [0] * 3, 2 in l, 9 not in l)
l[1:3] = ['a', 'b', 'c']; print(l)
del l[0]; print(l)
del l[::2]; print(l)
m = [[1, 2], [3, 4]]
print([row[1] for row in m], [x for row in m for x in row], [[r[i] for r in m] for i in range(2)])
t = (1, 2, 3)
a, b, c = t
x, *rest = t
*init, last = t
print(a, b, c, x, rest, init, last, t[1:], t + (4,), t * 2, (1,) * 3, len(t), t.index(2), t.count(1))
d = {'a': 1, 'b': 2}
d['c'] = 3
print(d, d.get('z'), d.get('z', 0), 'a' in d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
print(d.pop('a'), d, d.setdefault('e', 5), d, len(d))
d.update({'f': 6}, g=7); print(d)
print({k: v * 2 for k, v in d.items() if v > 2}, dict(zip('ab', [1, 2])), dict(a=1), dict([('x', 1)]))
for k, v in sorted(d.items(), key=lambda kv: kv[1], reverse=True):
    print(k, v, end='; ')
print()
s = {3, 1, 2}
s.add(2); s.add(5)
print(s, len(s), 2 in s, s | {9}, s & {1, 5}, s - {1}, sorted(s), set(), set([1, 1, 2]), {x % 3 for x in range(10)})
nested = {'list': [1, {'x': (2, 3)}], 'none': None, 'bool': True, 'float': 1.5}
print(nested)
print(list(range(5)), list(range(2, 10, 3)), list(range(5, 0, -1)), range(3), range(1, 5, 2), len(range(0, 10, 3)), range(10)[2:5])
print(list(enumerate(['a', 'b'], 1)), list(zip([1, 2, 3], 'ab')), list(reversed([1, 2, 3])), list(reversed(range(3))))
print([i for i in range(10) if i % 2 == 0 if i > 2], [(i, j) for i in range(2) for j in range(i + 1)])
e = []
print(e, (), {}, [[]], [()], bool([]), bool([0]), [1, 2] == [1, 2], [1, 2] < [1, 3], (1, 2) < (1, 2, 0))
it = iter([1, 2, 3])
print(next(it), next(it), list(it), next(it, 'done'))
m2 = [[0] * 2 for _ in range(2)]; m2[0][0] = 1; print(m2)
m3 = [[0] * 2] * 2; m3[0][0] = 1; print(m3)
print(sorted({'b': 1, 'a': 2}), sorted([3, 1, 2], reverse=True), list(map(str, [1, 2])), [str(x) for x in (1.0, 2.5)])
