# __class__ of builtin values.
x = [1]
print(x.__class__.__name__, (5).__class__, "s".__class__.__name__, {}.__class__, (2.5).__class__.__name__)
print(None.__class__, (1, 2).__class__.__name__, print.__class__.__name__, x.__class__ is list)
