# The bytes and bytearray methods a protocol parser reaches for: ASCII case
# mapping and tests, padding, partitioning, line splitting, translation, and
# bytearray as a mutable buffer that tasks fill.
import asyncio
import sys


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


async def feed(buffer, parts):
    for part in parts:
        await asyncio.sleep(0.01)
        buffer += part


async def main():
    for B in (bytes, bytearray):
        head = B(b"GET /index.html HTTP/1.1\r\nhost: Example.ORG\r\naccept: */*\r\n\r\nbody\tdata")
        print(B.__name__, head.splitlines()[:2], head.splitlines(keepends=True)[-1])
        line, sep, rest = head.partition(b"\r\n")
        print(line.title(), line.swapcase(), line.capitalize(), rest.rpartition(b": "))
        print(head.partition(b"nothing")[1:], head.rpartition(b"nothing")[:2])
        print(line.center(30, b"*"), line[:3].ljust(6, b"."), line[:3].rjust(6), b"-7".zfill(5), B(b"12").zfill(1))
        print(head.expandtabs(), head.expandtabs(tabsize=3)[-12:])
        table = B.maketrans(b"aeiou", b"AEIOU")
        print(line.translate(table), line.translate(None, b"T/"), line.translate(table, delete=b" "))
        for word in (b"", b"Hello World", b"HELLO", b"hello2", b"abc", b"123", b" \t", b"a1 b2", b"\x80"):
            w = B(word)
            print(word, w.istitle(), w.isupper(), w.islower(), w.isalpha(), w.isdigit(), w.isalnum(), w.isspace(),
                  w.isascii())
        attempt("center fill", lambda: line.center(40, b"ab"))
        attempt("center str", lambda: line.center(40, "-"))
        attempt("partition empty", lambda: line.partition(b""))
        attempt("partition str", lambda: line.partition(" "))
        attempt("table size", lambda: line.translate(b"abc"))
        attempt("maketrans", lambda: B.maketrans(b"ab", b"c"))
        if hasattr(head, "removeprefix"):
            print(head.removeprefix(b"GET ")[:6], head.removesuffix(b"data")[-5:], head.removeprefix(b"x")[:3])
        print(B(b"\xde\xad\xbe\xef").hex())
        if sys.version_info >= (3, 8):
            print(B(b"\xde\xad\xbe\xef\x01").hex(":"), B(b"\xde\xad\xbe\xef\x01").hex("-", 2),
                  B(b"\xde\xad\xbe\xef\x01").hex(sep=" ", bytes_per_sep=-2))
    buf = bytearray()
    alias = buf
    await asyncio.gather(feed(buf, [b"ab", b"cd"]), feed(buf, [b"12", b"34"]))
    print(buf, alias is buf, alias)
    buf *= 2
    print(alias, len(buf))
    buf.insert(0, 33)
    buf.insert(-1, 63)
    buf.insert(100, 46)
    print(buf, buf.pop(), buf.pop(0), buf)
    buf.remove(ord("c"))
    buf.reverse()
    print(buf, list(reversed(b"abc")), bytes(reversed(buf))[:4])
    copy = buf.copy()
    buf.clear()
    print(buf, copy, copy is buf)
    copy[1:3] = b"XYZ"
    copy[::2] = bytes(len(copy[::2]))
    print(copy)
    del copy[0]
    del copy[-3:]
    print(copy)
    attempt("pop empty", lambda: bytearray().pop())
    attempt("pop range", lambda: bytearray(b"a").pop(3))
    attempt("remove missing", lambda: bytearray(b"a").remove(98))
    attempt("insert big", lambda: bytearray(b"a").insert(0, 256))
    def assign_extended():
        b = bytearray(b"abcd")
        b[::2] = b"xyz"
    attempt("extended slice", assign_extended)


asyncio.run(main())
