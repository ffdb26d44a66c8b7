# random.sample matches CPython's seeded results (small pool and large population paths).
import random
random.seed(0)
print(random.sample(range(10), 3), random.sample([1, 2, 3, 4], 4), random.sample("abcdefgh", k=2))
print(random.sample(range(1000), 6), random.sample(range(100), 30)[:5], random.sample((), 0))
random.seed(42)
data = list(range(20))
idx = random.sample(range(len(data)), 5)
print(idx, [data[i] * 2 for i in idx], random.random())
for bad in ({1, 2}, [1, 2]):
    try:
        random.sample(bad, 3)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
