# Sets compare by inclusion: <, <=, >, >= are subset/superset tests.
a, b = {1, 2}, {1, 2, 3}
print(a <= b, a < b, b > a, b >= a, a < a, a <= a)
print({1, 4} < b, {1, 4} > b, {1, 4} >= b, set() < a, sorted([(1, {2}), (0, {5})]))
seen = {"x", "y"}
if {"x"} <= seen:
    print("x seen")
