# Calling or subscripting a literal: "perhaps you missed a comma?" (3.8+),
# also in code that never runs.
def pairs():
    return [(1, 2) (3, 4)]


def labels(x):
    if x:
        return ["a" "b"[1.5], None[0], {1, 2}[0], (lambda: 1)[0], f"{x}"[None]]
    return ["abc"(), (1)(2), [1](), {}(), (i for i in ())(), 1.5[0], (1, x)["a"], [1][1:2, 3]]


print(labels(0) if 0 else "compiled")
try:
    pairs()
except TypeError as e:
    print("TypeError:", e)
