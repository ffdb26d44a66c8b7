def f():
    try:
        print("try")
        return "ret"
    finally:
        print("finally")
print(f())
try:
    try:
        raise KeyError("k")
    finally:
        print("inner finally")
except KeyError as e:
    print("outer", e)
[].pop()
