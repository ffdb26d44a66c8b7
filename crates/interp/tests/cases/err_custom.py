class MyError(ValueError):
    pass
try:
    raise MyError("inner")
except ValueError as e:
    print("caught", type(e).__name__, e)
raise MyError("boom")
