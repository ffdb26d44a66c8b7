from collections import deque

q = deque([1, 2, 3])
q.append(4)
q.appendleft(0)
print(q, q.pop(), q.popleft(), q)
q.rotate(1)
print(q)
q.rotate(-2)
print(q, q[0], q[-1], len(q), 2 in q)
q.extend([7, 8])
q.extendleft([9, 10])
print(q)
last3 = deque(maxlen=3)
for i in range(5):
    last3.append(i)
print(last3, last3.maxlen, deque(), list(reversed(last3)), bool(deque()))
todo = deque(["a", "b"])
while todo:
    print("visit", todo.popleft())
