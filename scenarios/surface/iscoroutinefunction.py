# asyncio.iscoroutinefunction: true of async def functions and the methods
# bound from them, false of plain functions, lambdas, coroutine objects and
# anything else.
import asyncio


async def fetch():
    return 1


def plain():
    return fetch()


class Client:
    async def get(self):
        return 2

    def close(self):
        pass


async def main():
    checks = [
        ("async def", fetch),
        ("def", plain),
        ("bound async method", Client().get),
        ("class attribute async method", Client.get),
        ("bound plain method", Client().close),
        ("lambda", lambda: fetch()),
        ("builtin", print),
        ("int", 3),
        ("None", None),
    ]
    for label, obj in checks:
        print(label, asyncio.iscoroutinefunction(obj))
    coro = fetch()
    print("coroutine object", asyncio.iscoroutinefunction(coro))
    print("awaited", await coro)


asyncio.run(main())
