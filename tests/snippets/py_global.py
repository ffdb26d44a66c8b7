count = 0
def bump():
    global count
    count += 1
for _ in range(3):
    bump()
print(count)
def shadow():
    count = 100
    return count
print(shadow(), count)
