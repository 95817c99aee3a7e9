# contextlib: @contextmanager, @asynccontextmanager (the async generator's
# finally runs on the way out, awaits included) and suppress.
import asyncio
from contextlib import asynccontextmanager, contextmanager, suppress


@contextmanager
def section(name):
    print(f"enter {name}")
    try:
        yield name.upper()
    except KeyError as e:
        print(f"{name} handled {e!r}")
    finally:
        print(f"exit {name}")


@asynccontextmanager
async def connection(host, delay=0.5):
    print(f"connecting to {host}")
    await asyncio.sleep(delay)
    try:
        yield f"conn<{host}>"
    finally:
        await asyncio.sleep(0.1)
        print(f"closed {host} at t={asyncio.get_running_loop().time()}")


async def main():
    with section("a") as tag:
        print("inside", tag)
    with section("b"):
        raise KeyError("missing")
    try:
        with section("c"):
            raise ValueError("bad")
    except ValueError as e:
        print("propagated", e)
    with suppress(ZeroDivisionError, KeyError):
        1 / 0
    print("suppressed")
    async with connection("db", delay=1) as conn:
        print("using", conn)
    try:
        async with connection("api") as conn:
            raise RuntimeError("request failed")
    except RuntimeError as e:
        print("caught", e)
    results = await asyncio.gather(*(use(h) for h in ["x", "y"]))
    print(results, asyncio.get_running_loop().time())


async def use(host):
    async with connection(host, delay=0.2) as conn:
        return conn


asyncio.run(main())
