# The messages of builtins whose wording changed between versions: "a
# number" or "a real number", empty min()/max(), isinstance()'s second
# argument, a method's argument count, zip() and reversed() of what cannot
# be iterated, float division by zero, str.format's missing field, and
# str() / encode() / decode() arguments of the wrong type.
def show(f):
    try:
        r = f()
    except Exception as e:
        print("!", type(e).__name__, e)
    else:
        print(repr(r))


show(lambda: "%d" % "x")
show(lambda: "%i" % [1])
show(lambda: "%x" % "x")
show(lambda: float([]))
show(lambda: int([]))
show(lambda: min([]))
show(lambda: max((), key=len))
show(lambda: max([], default="none"))
show(lambda: isinstance(1, "a"))
show(lambda: issubclass(int, 1))
show(lambda: [].append(1, 2))
show(lambda: [].append())
show(lambda: "abc".upper(1))
show(lambda: {}.keys(1))
show(lambda: (1).bit_length(2))
show(lambda: list(reversed({})))
show(lambda: list(reversed({"a": 1, "b": 2}.items())))
show(lambda: zip(1))
show(lambda: zip([], 1))
show(lambda: 1.5 // 0)
show(lambda: 1.5 % 0)
show(lambda: divmod(1.5, 0))
show(lambda: 7.0 // 0.0)
show(lambda: "{0} {2}".format(1, 2))
show(lambda: "{}".format())
show(lambda: "{}".format_map({}))
show(lambda: "{a}{0}".format_map({"a": 1}))
show(lambda: "{a}-{b}".format_map({"a": 1, "b": [2]}))
show(lambda: "{missing}".format_map({}))
show(lambda: format("a", ","))
show(lambda: format("a", "_"))
show(lambda: format("a", ",s"))
show(lambda: format("abc", "<5"))
show(lambda: str(b"a", 1))
show(lambda: str(b"a", encoding=1))
show(lambda: str(b"a", "utf-8", 1))
show(lambda: str(1, "utf-8"))
show(lambda: str(encoding="utf-8"))
show(lambda: str(bytearray(b"hi"), "ascii"))
show(lambda: "a".encode(1))
show(lambda: "a".encode("utf-8", 1))
show(lambda: b"a".decode(1))
show(lambda: b"a".decode(errors=1))
