import torch

def attempt(f):
    try:
        f()
    except (ZeroDivisionError, IndexError) as e:
        print("arith/index:", type(e).__name__, e)
    except KeyError as e:
        print("key:", repr(e))
    except RuntimeError as e:
        print("runtime:", str(e).splitlines()[0])
    except Exception as e:
        print("other:", type(e).__name__, e)

attempt(lambda: 1 / 0)
attempt(lambda: [1][5])
attempt(lambda: {}['k'])
attempt(lambda: int("x"))
attempt(lambda: torch.ones(2, 3) @ torch.ones(2, 3))
attempt(lambda: undefined_name)
attempt(lambda: None.foo)
