# dict | dict and |= (3.9+, PEP 584): a new dict with the right operand's
# values winning, and an in-place update that takes any pairs; before 3.9 a
# TypeError. Also the methods behind them, as a subclass reaches them.
import asyncio


class Settings(dict):
    def __or__(self, other):
        print("  Settings.__or__")
        return Settings(super().__or__(other)) if hasattr(dict, "__or__") else NotImplemented


async def load(name, delay, values):
    await asyncio.sleep(delay)
    return name, values


async def main():
    defaults = {"host": "localhost", "port": 80, "debug": False}
    results = await asyncio.gather(load("env", 0.2, {"port": 8080}), load("cli", 0.1, {"debug": True}))
    try:
        merged = defaults
        for name, values in results:
            merged = merged | values
            print(name, merged)
        merged |= [("user", "admin")]
        print(merged, defaults)
        print({"a": 1} | {}, {} | {"b": 2}, {1: "x"} | {1.0: "y"})
        print(hasattr(dict, "__or__"), hasattr(dict, "__ior__"), dict.__or__({"k": 1}, [1]))
        print(dict.__ror__({"a": 1}, {"a": 2, "b": 3}))
        s = Settings(mode="fast") | {"level": 3}
        print(type(s).__name__, s)
        try:
            {"a": 1} | [("b", 2)]
        except TypeError as e:
            print("TypeError:", e)
        d = {"x": 1}
        same = d
        d |= {"y": 2}
        print(d is same, same)
    except TypeError as e:
        print("TypeError:", e)
    try:
        x = {"a": 1}
        x |= 5
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
