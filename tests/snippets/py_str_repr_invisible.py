# repr() escapes the invisible characters pasted text carries (no-break, zero-width spaces, BOM).
words = ["hello\u00a0world", "zero\u200bwidth", "\ufeffbom", "soft\u00adhyphen", "ideo\u3000space", "\u2028", "\u202fnarrow", "ok é 中 😀"]
print(words)
print([repr(w) for w in words[:2]], repr("\ue000"), ascii("x") if False else "")
for cp in (0xa0, 0xad, 0x1680, 0x180e, 0x2000, 0x200f, 0x2028, 0x202f, 0x205f, 0x2064, 0x2066, 0x206f, 0x3000, 0xe000, 0xf8ff, 0xfeff, 0xfff9, 0xfffb, 0xfffc):
    print(hex(cp), repr(chr(cp)))
