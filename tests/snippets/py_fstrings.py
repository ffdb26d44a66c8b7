x = 3.14159265
v = 2.5
n = 42
s = "hi"
print(f"{x:.4f} {v:6.1f}| {n:>5}| {n:05d} {n:<4}|")
print(f"{x!r} {s!r} {s:>6} {s:^6}|")
print(f"{1e-7:e} {0.25:.2%} {1234567:,} {1234.5:,.2f}")
print(f"{n:x} {n:b} {n:o} {255:#x}")
print(f"{x:.2e} {x:g} {1e20:g} {0.0001:g}")
print(f"{n + 1} {'nested'} {[1, 2]} {x:10.3f}|")
print(f"{{braces}} {n}")
print("{} and {:.2f}".format(1, 2.0), "%d%% %.3f %s" % (50, 1.0, 'x'))
