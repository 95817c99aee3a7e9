# obj.__dict__ is the instance's own attribute storage, in the order the
# attributes were first set: a settings object filled through
# __dict__.update(), read back by tasks, printed, and replaced wholesale.
import asyncio


class Settings:
    def __init__(self, **overrides):
        self.retries = 3
        self.timeout = 0.5
        self.__dict__.update(overrides)
        self.loaded = True

    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"Settings({fields})"


class Slotted:
    __slots__ = ("a",)


async def worker(name, settings):
    for attempt in range(settings.retries):
        await asyncio.sleep(settings.timeout)
        settings.__dict__.setdefault("log", []).append(f"{name}:{attempt}")


async def main():
    s = Settings(timeout=0.25, region="eu")
    print(s)
    print(s.region, "timeout" in s.__dict__, list(vars_of(s)))
    await asyncio.gather(worker("a", s), worker("b", s))
    print(s.log, round(asyncio.get_running_loop().time(), 2))
    del s.retries
    s.retries = 1
    s.__dict__["extra"] = {"k": 1}
    print(s.extra, list(s.__dict__))
    s.__dict__.pop("log")
    print(hasattr(s, "log"), len(s.__dict__))
    s.__dict__ = {"only": 1}
    print(s, hasattr(s, "retries"))
    print(hasattr(Slotted(), "__dict__"), hasattr(object(), "__dict__"))
    try:
        s.__dict__ = [1]
    except TypeError as e:
        print("TypeError:", e)


def vars_of(obj):
    return obj.__dict__.keys()


asyncio.run(main())
