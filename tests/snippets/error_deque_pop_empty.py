from collections import deque

q = deque([1])
print(q.pop())
q.pop()
