for i in range(10):
    if i == 2:
        continue
    if i == 5:
        break
    print(i, end=" ")
print()
n = 0
while n < 3:
    n += 1
else:
    print("while done", n)
for i in range(3):
    pass
else:
    print("for else", i)
for a, b in [(1, 2), (3, 4)]:
    print(a + b)
print(list(range(10, 0, -3)), list(range(0)))
