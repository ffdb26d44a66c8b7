print(10 ** 20)
print(2 ** 100)
print(-2 ** 63, 2 ** 64 - 1)
x = 1
for i in range(1, 26):
    x *= i
print(x)
print(x // 10 ** 10, x % 97)
print(10 ** 20 + 0.5)
print(abs(-10 ** 30), len(str(3 ** 200)))
