# The alternate form (#) of float formats keeps a decimal point (and g keeps trailing zeros).
for spec in ("#g", "#.3g", "#.1g", "#.2G", "#.0f", "#.0e", "#"):
    print(spec, [format(v, spec) for v in (100.0, 5.0, 1e10, 0.0001, 123.456, 0.0)])
print(f"{3:#.3g}", "%#.3g" % 100.0, "%#.0f" % 2.0)
print(format(0.5, "#.0%"), format(1234.0, "#,.0f"), format(-0.0, "#.0f"), format(float("inf"), "#.0f"))
