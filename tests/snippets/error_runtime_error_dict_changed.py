# Changing a dict's size while iterating over it (or its views) raises RuntimeError.
d = {"a": 1, "b": 2, "c": 3}
for k in list(d):
    if d[k] == 2:
        del d[k]
print(d)
for k, v in d.items():
    d[k] = v * 10
print(d, list(d.values()), [k for k in d.keys()], type(iter(d)).__name__, type(iter(d.items())).__name__)
it = iter(d.values())
print(next(it), type(it).__name__)
try:
    for k in d:
        d[k + "x"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(d)
params = {"w": 1.0, "b": 0.5}
for name in params:
    if name == "b":
        params.pop(name)
