# expect-exit: 1
# expect-stderr-last: KeyError: 'b'
d = {"a": 1}
print(d["b"])
