x = 5
assert x < 3, f"x too big: {x}"
