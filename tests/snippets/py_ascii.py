# ascii() and the !a / %a conversions escape non-ASCII characters.
word = "café 中文 😀"
print(ascii(word), ascii(["é", 1, {"ü": None}]), ascii("plain"), ascii(1.5))
print(f"{word!a}", "{!a}".format(word), "%a" % word, "%a|%5a|" % ("x", "é"))
print(f"{word!a:>30}|")
