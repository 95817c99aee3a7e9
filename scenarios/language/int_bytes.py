# int.to_bytes and int.from_bytes: byte orders, signed values, the errors,
# and the defaults (length=1, byteorder='big') that 3.11 added.
def show(f):
    try:
        r = f()
    except Exception as e:
        print("!", type(e).__name__, e)
    else:
        print(repr(r))


class Flag(int):
    pass


show(lambda: (1024).to_bytes(2, "big"))
show(lambda: (1024).to_bytes(4, "little"))
show(lambda: (-1).to_bytes(2, "big", signed=True))
show(lambda: (-129).to_bytes(2, "little", signed=True))
show(lambda: (127).to_bytes(1, "big", signed=True))
show(lambda: (128).to_bytes(1, "big", signed=True))
show(lambda: (-128).to_bytes(1, "big", signed=True))
show(lambda: (0).to_bytes(0, "big"))
show(lambda: (2 ** 70 + 5).to_bytes(10, "big"))
show(lambda: (5).to_bytes(2, byteorder="little"))
show(lambda: (5).to_bytes(length=3, byteorder="big"))
show(lambda: True.to_bytes(1, "big"))
show(lambda: (-5).to_bytes(2, "big"))
show(lambda: (256).to_bytes(1, "big"))
show(lambda: (5).to_bytes(-1, "big"))
show(lambda: (5).to_bytes(2, "middle"))
show(lambda: (5).to_bytes(2, 1))
show(lambda: (5).to_bytes("a", "big"))
show(lambda: (5).to_bytes(2, "big", True))
show(lambda: (5).to_bytes(2, "big", length=2))
show(lambda: (5).to_bytes(2))
show(lambda: (5).to_bytes())
show(lambda: int.from_bytes(b"\x00\x10", "big"))
show(lambda: int.from_bytes(b"\x00\x10", "little"))
show(lambda: int.from_bytes(b"\xff\xfe", "big", signed=True))
show(lambda: int.from_bytes(b"", "big", signed=True))
show(lambda: int.from_bytes([1, 2, 3], "little"))
show(lambda: int.from_bytes(bytearray(b"\x80"), "big", signed=True))
show(lambda: int.from_bytes(b"\x01" * 12, "big"))
show(lambda: int.from_bytes("ab", "big"))
show(lambda: int.from_bytes(5, "big"))
show(lambda: int.from_bytes([300], "big"))
show(lambda: int.from_bytes(b"\x01", "sideways"))
show(lambda: bool.from_bytes(b"\x01", "big"))
show(lambda: Flag.from_bytes(b"\x02", "big"))
show(lambda: type(Flag.from_bytes(b"\x02", "big")).__name__)
show(lambda: int.from_bytes(b"\x01\x00"))
show(lambda: (1).to_bytes(1, "big") + (2).to_bytes(1, "little"))
