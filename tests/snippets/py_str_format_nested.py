# str.format: fields nested in a spec continue the automatic numbering; mixing manual and
# automatic numbering fails.
print("{:{}}|".format("a", 4), "{:{}.{}f}|".format(3.14159, 8, 2), "{:>{}}|{}".format("x", 3, "y"), "{0:{1}}|{2}".format(1, 3, "z"))
print("{:{w}.{p}f}|".format(2.5, w=7, p=2), "{x:>{w}}|".format(x="r", w=4), "{:{}}{}".format(1, 2, 3))
for fmt in ("{0} {}", "{} {0}", "{:{0}}", "{0:{}}", "{} {}"):
    try:
        print(fmt.format(1, 2))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
