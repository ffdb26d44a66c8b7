def make_adder(n):
    def add(x):
        return x + n
    return add

add3 = make_adder(3)
print(add3(4), make_adder(10)(1))

def counter():
    count = 0
    def step():
        nonlocal count
        count += 1
        return count
    return step

c = counter()
c(); c()
print(c())
fs = [lambda x, i=i: x * i for i in range(3)]
print([f(10) for f in fs])
