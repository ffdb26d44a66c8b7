class Registry(dict):
    def __init__(self, name):
        super().__init__()
        self.name = name

    def __setitem__(self, key, value):
        super().__setitem__(key, value * 10)

    def __missing__(self, key):
        return f"no {key}"


r = Registry("lr")
r["a"] = 1
r.update(b=2)
print(r, r.name, r["a"], r["zzz"], len(r), "a" in r)
print(isinstance(r, dict), issubclass(Registry, dict), type(r).__name__)
print(dict(r), {**r}, r == {"a": 10, "b": 2}, list(r.items()))
del r["a"]
print(r, bool(r), r.get("a", "gone"))
