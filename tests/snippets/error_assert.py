assert 1 + 1 == 2
print("first assert passed")
assert 1 > 2, "one is not greater than two"
