print(divmod(7, 2), divmod(-7, 2.5))
try:
    divmod(7, "2")
except TypeError as e:
    print(e)
print(divmod("7", 2))
