from itertools import product, combinations, permutations, groupby

print(list(product("ab", [0, 1])), list(product([0, 1], repeat=2)))
grid = {"lr": [0.1, 0.01], "batch": [16, 32]}
for lr, batch in product(grid["lr"], grid["batch"]):
    print(f"lr={lr} batch={batch}")
print(list(combinations("abcd", 2)), list(combinations(range(4), 3)))
print(list(permutations("abc")), list(permutations(range(3), 2)))
print([(k, list(g)) for k, g in groupby("aaabbcaa")])
words = sorted(["apple", "bob", "avocado", "banana"], key=lambda w: w[0])
for letter, group in groupby(words, key=lambda w: w[0]):
    print(letter, list(group))
