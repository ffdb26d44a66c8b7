a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *rest = [1, 2, 3, 4]
print(first, rest)
x = y = 0
x += 5
print(x, y)
xs = [0, 0, 0]
xs[1] = 9
xs[-1] += 1
print(xs)
class O: pass
o = O()
o.attr = [1]
o.attr[0] *= 7
print(o.attr)
