# Python 3.11 ends the f-string at the inner double quote (3.12 allows the reuse).
metrics = {"loss": 0.25}
print(f"loss: {metrics["loss"]:.3f}")
