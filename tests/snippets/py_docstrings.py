# __doc__ of functions, classes and methods.
def f(x):
    """Compute things."""
    return x
def g(): return 1
class A:
    """A class."""
    def m(self):
        "method doc"
class B(A):
    pass
print(f.__doc__, g.__doc__, A.__doc__, A.m.__doc__, A().m.__doc__, B.__doc__, A().__doc__)
