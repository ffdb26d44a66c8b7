# Python 3.11 forbids backslashes inside f-string expressions (3.12 allows them).
lines = ["loss 0.5", "loss 0.25"]
print(f"{'\n'.join(lines)}")
