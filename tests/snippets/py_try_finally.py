def f(x):
    try:
        if x == 0:
            raise ValueError("zero")
        return 10 / x
    except ValueError as e:
        print("caught", e)
        return -1
    else:
        print("unreachable after return")
    finally:
        print("finally", x)

print(f(2))
print(f(0))
try:
    try:
        raise KeyError("inner")
    finally:
        print("cleanup")
except KeyError as e:
    print("outer got", e)
