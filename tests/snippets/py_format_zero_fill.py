# The 0 flag: zeros as fill with any alignment, and zero padding inside digit grouping.
print(repr(format('a', '05')), repr(format(3, '>03')), repr(format(3, '<03')), repr(format(-3, '^06')))
print(repr(format(2.5, '<08')), repr(format('ab', '^05')), repr(format(-7, '=5')), repr(format(7, '+05')))
for w in (6, 8, 9, 10, 11):
    print(w, repr(format(1234, f'0{w},')), repr(format(-1234.5, f'0{w},.1f')))
print(f"{1234:010_x}|{12:0=8_b}|{1234:x=10,}|{255:#010x}")
print("%05s|%-05d|%05d|%05.1f" % ("a", 3, -3, 2.5))
step, loss = 7, 0.25
print(f"step {step:04d} loss {loss:08.4f}")
