# dict.fromkeys: called on the type, value defaults to None.
print(dict.fromkeys("ab"), dict.fromkeys(range(3), 0), dict.fromkeys([]))
vocab = dict.fromkeys(["the", "cat", "the"], 0)
vocab["the"] += 1
print(vocab)
