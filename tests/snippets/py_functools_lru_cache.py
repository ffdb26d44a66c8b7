from functools import lru_cache, cache, wraps


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())


@cache
def slow_square(x):
    print("computing", x)
    return x * x


print(slow_square(3), slow_square(3), slow_square.__name__)


@lru_cache(maxsize=2)
def neg(x):
    return -x


for x in [1, 2, 1, 3, 2]:
    neg(x)
print(neg.cache_info())


def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print("calling", func.__name__)
        return func(*args, **kwargs)
    return wrapper


@logged
def add(a, b):
    """Add two numbers."""
    return a + b


print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__.__name__)
