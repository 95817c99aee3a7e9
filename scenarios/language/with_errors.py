# with / async with on objects without the protocol: an AttributeError naming
# the method before 3.11 (3.7-3.8 look for __aexit__ first), a TypeError after.
class A:
    def __enter__(self): return 1
try:
    with 1:
        pass
except Exception as e:
    print(type(e).__name__, e)
try:
    with A():
        pass
except Exception as e:
    print(type(e).__name__, e)
import asyncio
async def main():
    try:
        async with 1:
            pass
    except Exception as e:
        print(type(e).__name__, e)
asyncio.run(main())
