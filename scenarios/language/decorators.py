# Decorators of any expression (a call, an attribute), on functions and classes:
# a retry wrapper around a coroutine method, a registry, a handler table.
import asyncio


def register(registry):
    def deco(cls_or_fn):
        registry.append(cls_or_fn.__name__)
        return cls_or_fn
    return deco


def retry(times):
    def wrap(fn):
        async def wrapper(*args):
            for attempt in range(1, times + 1):
                try:
                    return await fn(*args)
                except ValueError as e:
                    print(f"attempt {attempt} failed: {e}")
                    await asyncio.sleep(0.1 * attempt)
            raise RuntimeError(f"{fn.__name__} failed {times} times")
        return wrapper
    return wrap


seen = []


@register(seen)
class Service:
    calls = 0

    @register(seen)
    async def flaky(self):
        Service.calls += 1
        if Service.calls < 3:
            raise ValueError(f"call {Service.calls}")
        return "ok"


class Handlers:
    table = {}

    @staticmethod
    def add(name):
        def deco(fn):
            Handlers.table[name] = fn
            return fn
        return deco


@Handlers.add("ping")
async def ping():
    return "pong"


async def main():
    s = Service()
    print(await retry(3)(s.flaky)())
    print(seen, await Handlers.table["ping"](), asyncio.get_running_loop().time())


asyncio.run(main())
