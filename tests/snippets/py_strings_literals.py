s = '''line one
line two'''
print(s)
print("""triple "double" """)
print('single', "double", 'esc\'aped', "tab\tnew\\n")
print("unicode: \u00e9 \u03b1", "caf\xe9")
print("con" "cat", len("a\nb"))
'''A bare string statement prints nothing.'''
"also nothing"
print("end")
