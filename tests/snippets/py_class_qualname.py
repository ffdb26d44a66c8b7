# Classes defined in functions or other classes print their qualified names.
import torch
def make():
    class Local:
        def m(self): pass
    def helper(): pass
    return Local, helper
Local, helper = make()
print(Local, Local.__qualname__, Local.m.__qualname__, helper, Local().m.__qualname__)
print(repr(Local())[:36])
class Outer:
    class Inner:
        def m(self): pass
print(Outer.Inner, Outer.Inner.__qualname__, Outer.Inner.m.__qualname__, Outer.Inner.__name__)
print(type(torch.nn.Linear(1, 1)), torch.nn.Linear.forward.__qualname__, torch.optim.SGD.__qualname__)
