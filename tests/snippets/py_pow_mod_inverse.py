# pow(base, -n, mod): the modular inverse, raised to n.
print(pow(3, -1, 7), pow(3, -2, 7), pow(3, -1, -7), pow(5, -1, 1), pow(-3, -1, 7), pow(2, 100, 10**9 + 7))
print(pow(2 ** 70 + 1, -1, 10 ** 9 + 7), pow(7, -3, 2 ** 61 - 1))
print(pow(2, -1, 4))
