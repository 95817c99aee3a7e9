# The order in which asyncio.as_completed starts the coroutines it is given
# depends on the iteration order of a set of coroutine objects, that is on
# their addresses: CPython prints one of the 6 start orders, and
# `asim explore` finds all of them. (Kept out of scenarios/: its output is
# not determined by the program, so the default-run comparison does not apply.)
import asyncio


async def worker(name):
    print("start", name)
    await asyncio.sleep(0)
    return name


async def main():
    await asyncio.sleep(0)
    for x in asyncio.as_completed([worker("a"), worker("b"), worker("c")]):
        print("got", await x)


asyncio.run(main())
