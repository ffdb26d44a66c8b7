print(int("42"))
int("abc")
