import operator
from functools import reduce

import torch

print(reduce(operator.add, [1, 2, 3]), reduce(operator.mul, range(1, 6)), operator.sub(5, 3), operator.truediv(1, 4))
print(operator.eq(1, 1.0), operator.lt(1, 2), operator.not_(0), operator.truth([]), operator.is_(None, None))
print(operator.contains([1], 1), operator.getitem({'k': 5}, 'k'), operator.neg(3), operator.abs(-2), operator.mod(7, 3))
print(operator.floordiv(7, 2), operator.pow(2, 10), operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.inv(5))
d = {}
operator.setitem(d, 'a', 1)
print(d, operator.concat([1], [2]), operator.countOf([1, 2, 1], 1), operator.indexOf('abc', 'c'), operator.iadd([1], [2]))
print(operator.mul(torch.tensor([1.0, 2.0]), 3), operator.matmul(torch.eye(2), torch.ones(2)))
try:
    operator.indexOf([1], 5)
except ValueError as e:
    print(e)
