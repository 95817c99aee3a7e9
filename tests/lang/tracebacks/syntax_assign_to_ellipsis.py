# `...` as a target: "Ellipsis" on 3.7-3.9, "ellipsis" on 3.10+.
for ... in range(3):
    print("never")
