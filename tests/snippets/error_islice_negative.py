from itertools import islice

print(list(islice(range(10), 3)))
list(islice(range(10), -1))
