print(7 // 2, -7 // 2, 7 // -2, 7 % 3, -7 % 3, 7 % -3, 7.5 // 2, -7.5 % 2, 2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2)
print(10 ** 20, 2 ** 100, -(2 ** 63), 2 ** 63 - 1 + 1, 9223372036854775807 * 2, (10 ** 30) // 7, (10 ** 30) % 7)
print(1e16, 1e15, 123.456, 0.1 + 0.2, 1 / 3, 1e-7, 1.5e-10, float('inf'), -float('inf'), float('nan'), 2.0 ** 0.5)
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234.5678, -2), round(7, -1), round(15, -1), round(25, -1))
print(abs(-3), abs(-3.5), abs(-10 ** 20), divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), pow(2, 10), pow(2, 10, 1000), pow(3, -1))
print(int(3.9), int(-3.9), int("0x1f", 16), int("101", 2), int("0o17", 0), float(3), bool(0.0), bool(-1), int(True) + True)
print(max(1, 2.5), min(-1, -1.0), 3 == 3.0, 0.1 + 0.2 == 0.3, 1 < 2.5 < 3, 2 ** 0.5 * 2 ** 0.5, 5 / 5)
print(hex(255), bin(5), oct(8), hex(-255), 1_000_000, 0xff, 0b101, 0o17, 1e3, 3 * 1.1)
print(True + True, True * 3, False - 1, 5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 70, -1 >> 3, 255 >> 4)
print(3 * 0.1, 0.1 * 3, 100 * 1.1, 1.1 * 1.1, 2.5e-5, 1234567.0, 12345678901234567890.0, 0.000123, 1e22, 1e-4)
import math
print(math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.pi, math.e, math.exp(1), math.log(math.e), math.log(8, 2), math.log10(1000))
print(math.sin(0), math.cos(0), math.isclose(0.1 + 0.2, 0.3), math.factorial(20), math.gcd(12, 18), math.inf, math.isnan(math.nan), math.trunc(-3.7), math.fabs(-2))
print(sum([1, 2, 3]), sum([0.5, 0.25], 1), sum([[1], [2]], []), len(str(2 ** 1000)))
x = 5
x += 2; x -= 1; x *= 3; x //= 4; x **= 2; x %= 7
print(x)
y = 2.0
y /= 4
print(y, 7 / 2, 8 / 2, type(8 / 2).__name__, type(7 // 2).__name__, type(2 ** -1).__name__)
print(0.1 + 0.7, 4.35 * 100, 1.0 - 0.9, 3.0 * 1.3, 9.95 * 10, 2 / 7, 100.0, -0.0, 1e100, 5e-324)
