# json: dumps with indent, sort_keys, separators, default, ensure_ascii and
# non-string keys; loads of every value kind and escapes; JSONDecodeError's
# messages and positions (3.13 names a trailing comma).
import asyncio
import json


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


async def produce(queue):
    for i in range(3):
        await queue.put(json.dumps({"id": i, "tags": ["a", "b"][:i], "ok": i % 2 == 0, "score": i / 4}))
        await asyncio.sleep(0.1)
    await queue.put(None)


async def main():
    queue = asyncio.Queue()
    asyncio.ensure_future(produce(queue))
    while True:
        text = await queue.get()
        if text is None:
            break
        print(text, json.loads(text))
    data = {"b": [1, 2.5, None, True], "a": {"nested": {}, "empty": []}, 3: "int key", 1.5: "x", None: 0}
    print(json.dumps(data))
    print(json.dumps(data, sort_keys=False, indent=2))
    print(json.dumps({"z": 1, "y": [1, [2, {}]]}, sort_keys=True, indent="\t"))
    print(json.dumps([1, 2, {"k": "v"}], separators=(",", ":")))
    print(json.dumps("caf\u00e9 \u2603 \U0001f600 \"q\" \\ \n\t\x01"))
    print(json.dumps("caf\u00e9 \u2603", ensure_ascii=False))
    print(json.dumps([float("inf"), -float("inf"), 1e100, 0.1, -0.0, 10 ** 20]))
    print(json.dumps(Point(1, 2), default=lambda p: {"x": p.x, "y": p.y}))
    print(json.dumps((1, 2)), json.dumps([]), json.dumps({}), json.dumps([], indent=4))
    for bad in [Point(0, 0), {(1, 2): 3}, float("nan")]:
        try:
            print(json.dumps(bad, allow_nan=False))
        except (TypeError, ValueError) as exc:
            print(type(exc).__name__, exc)
    loaded = json.loads(' {"s": "a\\"b\\\\c\\n\\u00e9\\ud83d\\ude00", "n": [-1, 0, 12.5e-1, 3E2, -0.5],'
                        ' "t": true, "f": false, "z": null, "deep": [[[]]]} ')
    print(loaded)
    print(json.loads("NaN"), json.loads("-Infinity"), json.loads('"\\/"'))
    for bad in ['', '[1, 2', '{"a" 1}', '{a: 1}', '[1,]', '{"a": 1,}', '[1] x', '"abc', '"\\x"',
                '{"a": 1\n "b": 2}', '01', 'tru', '"tab\there"']:
        try:
            json.loads(bad)
        except json.JSONDecodeError as exc:
            print(repr(bad), "->", exc, exc.lineno, exc.colno, exc.pos, isinstance(exc, ValueError))
    try:
        json.loads('{"unclosed": ')
    except ValueError as exc:
        print(type(exc).__module__, type(exc).__name__, exc.msg)


asyncio.run(main())
