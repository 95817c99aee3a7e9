# bytes literals and the bytes type's common operations, as an asyncio
# program that frames messages uses them.
import asyncio


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


async def reader(queue):
    buffer = b""
    while True:
        chunk = await queue.get()
        if chunk is None:
            break
        buffer += chunk
        while b"\n" in buffer:
            at = buffer.find(b"\n")
            line, buffer = buffer[:at], buffer[at + 1:]
            print("line", line, line.decode("utf-8").upper(), len(line))
    print("left", buffer)


async def main():
    queue = asyncio.Queue()
    task = asyncio.create_task(reader(queue))
    for chunk in [b"hel", b"lo\nwor", b"ld\n", "caf\u00e9\n".encode(), b"tail"]:
        await queue.put(chunk)
        await asyncio.sleep(0.1)
    await queue.put(None)
    await task

    data = b'ab\'c"d\x00\x7f\x80\xff\t\n\r\\'
    print(data, len(data), data[0], data[-1], data[1:4], data[::-1][:3])
    print(b"'", b'"', rb"\x41\n", BR"raw", b"implicit" b" concat")
    print(list(b"abc"), [c for c in b"\x01\x02"], 97 in b"abc", b"bc" in b"abc")
    print(b"ab" + b"cd", b"ab" * 3, 2 * b"-", b"ab" == b"ab", b"ab" == "ab", b"a" < b"b")
    print(hash(b"abc") == hash(b"ab" + b"c"), {b"k": 1}[b"k"], sorted([b"b", b"a", b"\xff", b""]))
    print(str(b"x"), f"{b'y'}", f"{b'z'!r}", bytes(3), bytes([65, 66]), bytes(b"copy"), bytes())
    print(bytes("caf\u00e9", "utf-8"), "caf\u00e9".encode("latin-1"), b"caf\xc3\xa9".decode(), b"A".decode("ascii"))
    print(b"ab".hex(), b"-".join([b"a", b"b", b"c"]), b"a,b,,c".split(b","), b" a  b ".split(), b"a b c".split(None, 1))
    print(b"  pad ".strip(), b"xxmidxx".strip(b"x"), b"  l".lstrip(), b"r  ".rstrip())
    print(b"hello".startswith(b"he"), b"hello".endswith((b"x", b"lo")), b"hello".find(b"l"), b"hello".rfind(b"l"))
    print(b"hello".find(b"z"), b"hello".index(b"e"), b"hello".count(b"l"), b"hello".replace(b"l", b"L"))
    print(b"MiXeD".upper(), b"MiXeD".lower(), bool(b""), bool(b"\x00"))
    ba = bytearray(b"abc")
    ba.append(100)
    ba[0] = 65
    ba.extend(b"ef")
    print(ba, len(ba), ba[0], bytearray(2), ba + b"!")

    attempt("index", lambda: b"abc"[5])
    attempt("concat", lambda: b"a" + "b")
    attempt("concat2", lambda: "a" + b"b")
    attempt("in int", lambda: 300 in b"ab")
    attempt("in str", lambda: "a" in b"ab")
    attempt("no encoding", lambda: bytes("abc"))
    attempt("float", lambda: bytes(1.5))
    attempt("negative", lambda: bytes(-1))
    attempt("range", lambda: bytes([1, 256]))
    attempt("bad utf-8", lambda: b"\xff".decode())
    attempt("bad ascii", lambda: b"a\xe9\xe9".decode("ascii"))
    attempt("truncated", lambda: b"\xe2\x82".decode())
    attempt("encode", lambda: "\u00e9".encode("ascii"))
    attempt("encode2", lambda: "a\u00e9\u00e9".encode("ascii"))
    attempt("latin", lambda: "\u20ac".encode("latin-1"))
    attempt("unknown", lambda: "x".encode("foo"))
    attempt("join", lambda: b"-".join([b"a", "b"]))
    attempt("startswith", lambda: b"abc".startswith("a"))
    attempt("index2", lambda: b"abc".index(b"z"))
    attempt("compare", lambda: b"abc" < "abc")
    attempt("unhashable", lambda: hash(bytearray(b"ab")))
    attempt("replace", lambda: b"\xffa".decode("utf-8", "replace"))
    attempt("ignore", lambda: b"\xffa".decode("utf-8", "ignore"))


asyncio.run(main())
