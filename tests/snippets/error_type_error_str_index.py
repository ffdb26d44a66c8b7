word = "hello"
for i in range(2):
    print(word[i])
try:
    word[1.0]
except TypeError as e:
    print(e)
print(word["h"])
