from collections import Counter

words = "the cat and the dog and the bird".split()
c = Counter(words)
print(c)
print(c.most_common(2), c["the"], c["fish"], c.total())
c.update(["cat", "cat"])
c.subtract({"the": 2})
print(c, c.most_common(1))
a = Counter(a=3, b=1)
b = Counter(a=1, b=2, c=1)
print(a + b, a - b, a | b, a & b)
print(Counter(), sorted(Counter("aabc").elements()), Counter("ab") == Counter("ba"))
print(Counter("hello"), dict(Counter("aab")), list(Counter("banana")))
