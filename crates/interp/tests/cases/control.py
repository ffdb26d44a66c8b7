for i in range(3):
    if i == 1:
        continue
    print(i)
else:
    print("for-else")
for i in range(5):
    if i == 2:
        break
else:
    print("not printed")
n = 0
while n < 3:
    n += 1
else:
    print("while-else", n)
def f(x):
    try:
        if x == 0:
            raise ValueError("zero")
        return 10 / x
    except ValueError as e:
        print("VE", e)
        return -1
    except ZeroDivisionError:
        return -2
    else:
        print("else runs")
    finally:
        print("finally", x)
print(f(0), f(2))
try:
    try:
        {}['k']
    except KeyError as e:
        print("key", e, repr(e))
        raise
except LookupError as e:
    print("outer", type(e).__name__)
try:
    [][1]
except (IndexError, KeyError) as e:
    print("tuple catch", e)
try:
    raise RuntimeError
except Exception as e:
    print(repr(e), str(e) == "")
def g():
    for i in range(10):
        try:
            if i == 3:
                return i
        finally:
            print("cleanup", i)
print(g())
x = 5
print("big" if x > 3 else "small", "yes" if [] else "no")
print(1 and 2, 0 and 2, 1 or 2, 0 or '', None or 'x', not 0, not [1])
a = b = 3
a += 1
print(a, b)
i = 0
while True:
    i += 1
    if i > 100:
        break
print(i)
assert True, "never"
try:
    assert 1 > 2, "math is broken"
except AssertionError as e:
    print("assert:", e)
with_value = [v for v in range(3) if (w := v * 2) > 1]
print(with_value, w)
try:
    int("abc")
except ValueError as e:
    print(e)
try:
    print(undefined_thing)
except NameError as e:
    print(e)
try:
    None.attr
except AttributeError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    x = 1 / 0
except ZeroDivisionError as e:
    print(e)
finally:
    print("done")
