from collections import defaultdict

groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "cherry", "blueberry"]:
    groups[word[0]].append(word)
print(groups)
print(groups.default_factory, dict(groups), len(groups))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts, sorted(counts.items(), key=lambda kv: -kv[1]))
print(defaultdict(None, {1: 2}), "z" in counts, counts["z"], "z" in counts)
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["b"] += 1
print(nested["a"], isinstance(counts, dict))
