# Messages and behaviour of 3.11 and 3.12 a program meets by mistake: a str
# indexed by a non-int (3.11 names the type), a dict indexed by a slice
# (hashable from 3.12, so a KeyError), the format spec's 'z' option (3.11)
# and the invalid-spec message that names the spec and the type (3.11).
import asyncio

rows = {"name": "Ann", "langs": ["py"]}


async def main():
    for key in rows:
        try:
            print(key["name"])
        except TypeError as e:
            print("TypeError", e)
    for bad in (None, 1.0, "0"):
        try:
            "abc"[bad]
        except TypeError as e:
            print("TypeError", e)
    try:
        rows[1:2]
    except (TypeError, KeyError) as e:
        print(type(e).__name__, e)
    try:
        print({slice(1, 2): "s"}[slice(1, 2)])
    except TypeError as e:
        print("TypeError", e)
    for value, spec in ((-0.0, "z.1f"), (-0.001, "z.2f"), (True, "z"), (1.5, "q.1f"), (7, "xx"), ("s", "<<5")):
        try:
            print(repr(format(value, spec)))
        except ValueError as e:
            print("ValueError", e)
    await asyncio.sleep(0)


asyncio.run(main())
