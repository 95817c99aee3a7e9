# The builtins a version lacks are NameErrors: a program that feature-tests
# ExceptionGroup (3.11+) or EncodingWarning (3.10+) takes its fallback path.
import asyncio


async def failing(n):
    await asyncio.sleep(0.01 * n)
    raise ValueError(f"job {n}")


async def main():
    results = await asyncio.gather(failing(1), failing(2), return_exceptions=True)
    try:
        group = ExceptionGroup("jobs failed", results)
        print("group:", group, len(group.exceptions), BaseExceptionGroup.__name__)
    except NameError as e:
        print("no ExceptionGroup:", e, [str(r) for r in results])
    try:
        print(EncodingWarning.__mro__[1].__name__)
    except NameError as e:
        print(e)


asyncio.run(main())
