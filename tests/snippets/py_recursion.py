def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fact(30))
print([fib(i) for i in range(15)])
print(fact(100) % 1000003)
