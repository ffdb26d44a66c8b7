for call in (lambda: "abc".upper(1), lambda: "abc".lower("x"), lambda: "a b".title(0), lambda: "x".isdigit(1), lambda: "x".capitalize(1, 2), lambda: str.upper("a", "b")):
    try:
        print(call())
    except TypeError as e:
        print(e)
print("ab".upper(), str.lower("AB"), "a1".isalnum(), "x y".title())
