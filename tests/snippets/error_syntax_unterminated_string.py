print("ok")
s = "unterminated
