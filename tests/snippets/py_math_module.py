import math

print(math.pi, math.e)
print(math.sqrt(2), math.exp(1), math.log(10), math.log(8, 2))
print(math.sin(0), math.cos(0), math.floor(-2.5), math.ceil(2.1))
print(math.isclose(0.1 + 0.2, 0.3), math.inf, math.isnan(float('nan')))
print(math.fabs(-3), math.pow(2, 3), math.tanh(0.5))
