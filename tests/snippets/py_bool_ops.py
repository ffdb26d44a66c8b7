print(1 < 2 < 3, 1 < 3 < 2, 2 == 2.0, 1 != 1)
print(0 or "default", 5 and "yes", None or 0, [] and 1)
print(not 0, not [1], 3 in [1, 2, 3], "z" not in "abc")
a = [1]
b = [1]
print(a == b, a is b, a is not b, None is None)
print(-3 ** 2, (-3) ** 2, 2 ** 3 ** 2, 7 - 2 - 1, 2 * 3 + 4 / 2)
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, 1024 >> 3)
x = 5
print("big" if x > 3 else "small")
