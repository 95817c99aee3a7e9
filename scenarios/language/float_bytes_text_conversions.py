# Conversions between floats, bytes and text that programs reach for:
# float.fromhex and float.hex, bytes.fromhex and .hex(), str.maketrans and
# str.translate (a Caesar cipher), each with CPython's errors.
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), float.fromhex(" 1.4 "), float.fromhex("0x.8"))
print(float.fromhex("inf"), float.fromhex("-Infinity"), float.fromhex("0x1.fffffffffffffp+1023"))
print((3.5).hex(), (0.1).hex(), (-2.0).hex(), float.fromhex((0.1).hex()) == 0.1)
for bad in ("0x", "1.2.3", "0xg", "0x1p", "0x1p+99999"):
    try:
        print(float.fromhex(bad))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)

print(bytes.fromhex("de ad be ef"), bytes.fromhex(" 01ab"), bytearray.fromhex("ff 00"), b"\x01\xab".hex())
for bad in ("abc", "zz", "0 1"):
    try:
        print(bytes.fromhex(bad))
    except ValueError as e:
        print("ValueError", e)


def caesar(text, shift):
    lower = "abcdefghijklmnopqrstuvwxyz"
    upper = lower.upper()
    table = str.maketrans(lower + upper, lower[shift:] + lower[:shift] + upper[shift:] + upper[:shift])
    return text.translate(table)


secret = caesar("Hello, World!", 3)
print(secret, caesar(secret, -3))
print(str.maketrans("abc", "xyz"), str.maketrans("ab", "cd", "e"), str.maketrans({"a": "1", 98: None}))
print("hello world".translate(str.maketrans({"l": "L", "o": None})), "hello".translate({104: "J", 101: 97}))
print("aabbcc".translate(str.maketrans("abc", "xyz")), "x-y".translate({ord("-"): " to "}))
for bad in (lambda: str.maketrans("ab", "c"), lambda: str.maketrans({"ab": 1}), lambda: str.maketrans([1]),
            lambda: "a".translate({97: 3.5}), lambda: str.maketrans({1.5: 2})):
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
