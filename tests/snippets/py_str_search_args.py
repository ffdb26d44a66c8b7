# str methods learners reach for: find/count/startswith with start and end, rindex,
# splitlines on every line boundary and keepends, istitle, removeprefix, and the type errors.
s = "héllo wörld"
print(s.find("ö"), s.find("l", 4), s.rfind("l", 0, -3), s.index("w", -5), s.count("l", 3, 9))
print(s.startswith("wö", 6), s.endswith("h", 0, 1), s.startswith(("x", "ll"), 2, 4), s.rindex("o"))
print("abc".find("", 2, 1), "abc".count("", 2, 1), "abc".find("", 3), "abc".find("", 4), "abc".count("", 4))
print("a\rb\x0bc\x1ed\u2028e\r\n".splitlines(), "a\r\nb\rc".splitlines(keepends=True), "x\n\n".splitlines(True))
print("Hello World".istitle(), "Hello world".istitle(), "HELLO".istitle(), "A1 B2".istitle(), "123".istitle())
print("½".isnumeric(), "٣".isnumeric(), "x".isnumeric())
print("model.weight".removeprefix("model."), "loss.py".removesuffix(".py"), "x".removeprefix("y"))
try:
    "a".find(1)
except TypeError as e:
    print(e)
try:
    "a".split(1)
except TypeError as e:
    print(e)
try:
    "a".strip(1)
except TypeError as e:
    print(e)
try:
    "a".replace(1, "")
except TypeError as e:
    print(e)
try:
    "a".startswith((1,))
except TypeError as e:
    print(e)
try:
    "a".center(3, 1)
except TypeError as e:
    print(e)
try:
    "a".count(1)
except TypeError as e:
    print(e)
try:
    "a".endswith(("x", 2))
except TypeError as e:
    print(e)
