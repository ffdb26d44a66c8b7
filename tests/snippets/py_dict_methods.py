d = {'a': 1, 'b': 2}
d['c'] = 3
print(d, len(d), 'a' in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.get('z'), d.get('z', 0), d.pop('b'), d)
for k, v in d.items():
    print(k, v)
d.update({'a': 10, 'e': 5})
print(d)
print(dict(x=1, y=2), dict([('p', 1)]))
print({1: 'one', (1, 2): 'tuple', None: 'none'})
