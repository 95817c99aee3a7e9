# PEP 479: a StopIteration raised inside a generator, coroutine or async
# generator body becomes a RuntimeError caused by it.
import asyncio

def gen():
    yield 1
    raise StopIteration("inner")

async def coro():
    raise StopIteration

async def agen():
    yield 1
    raise StopIteration

for make in (lambda: list(gen()),):
    try:
        make()
    except RuntimeError as e:
        print("RuntimeError:", e, repr(e.__cause__))

async def main():
    try:
        await coro()
    except RuntimeError as e:
        print("RuntimeError:", e, repr(e.__cause__))
    try:
        async for x in agen():
            print(x)
    except RuntimeError as e:
        print("RuntimeError:", e, repr(e.__cause__))

asyncio.run(main())
