# Generator expressions are lazy: any() stops at the first true value, and a
# generator runs dry once. An error inside one shows its <genexpr> frame.
def noisy(x):
    print("checking", x)
    return x > 1

print(any(noisy(x) for x in range(5)))
gen = (x * x for x in range(4) if x != 2)
print(next(gen), list(gen), list(gen))
print(sum(x for x in range(10)), max((len(w), w) for w in "a bb ccc".split()))
print(sorted((y for y in [3, 1, 2]), reverse=True), [*(c for c in "ab")], tuple(x for x in (1, 2)))
pairs = ((i, j) for i in range(3) for j in range(i))
print(list(pairs))
print(type(x for x in []).__name__)
def boom():
    return list(1 / x for x in [1, 0])
boom()
