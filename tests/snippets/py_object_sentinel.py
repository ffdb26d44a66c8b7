# object() as a sentinel: its repr and type.
MISSING = object()
def get(d, k, default=MISSING):
    v = d.get(k, default)
    return "missing" if v is MISSING else v
print(get({"a": 1}, "a"), get({}, "b"), repr(MISSING)[:18], type(MISSING), MISSING == MISSING, MISSING is object())
