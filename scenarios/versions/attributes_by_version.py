# Feature checks by hasattr() see the builtin classes of the running version:
# dict | dict from 3.9, str.removeprefix from 3.9, int.bit_count from 3.10,
# BaseException.add_note from 3.11, int.is_integer from 3.12.
checks = [
    (dict, "__or__"), (dict, "__ror__"), (dict, "__ior__"), ({}, "__or__"),
    (str, "removeprefix"), (bytes, "removesuffix"), (int, "bit_count"),
    (int, "as_integer_ratio"), (int, "is_integer"), (BaseException, "add_note"),
]
for owner, name in checks:
    print(getattr(owner, "__name__", type(owner).__name__), name, hasattr(owner, name))
merge = getattr(dict, "__or__", None)
print("merge", merge({"a": 1}, {"b": 2}) if merge else "by update")
