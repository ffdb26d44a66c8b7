# Attributes set on functions (a call counter on a decorator's wrapper).
def counted(fn):
    def wrapper(*args):
        wrapper.calls += 1
        return fn(*args)
    wrapper.calls = 0
    wrapper.__name__ = fn.__name__
    return wrapper
@counted
def square(x): return x * x
print(square(2), square(3), square.calls, square.__name__)
def f(): pass
f.tag = "t"
print(f.tag, hasattr(f, "tag"), hasattr(f, "nope"), getattr(f, "nope", 0))
print(f.nope)
