# More choice points in one run than `asim explore` keeps forked processes
# waiting (tests/explore/fork_test.py): the first orders make two choices,
# those that start with "c" then seventy more, where the walk goes on by
# runs from the start. The report equals --no-fork's.
import asyncio


async def worker(name):
    await asyncio.sleep(0)
    return name


async def main():
    order = []
    for x in asyncio.as_completed([worker(n) for n in "abc"]):
        order.append(await x)
    print(*order)
    if order[0] == "c":
        last = None
        for x in asyncio.as_completed([worker(i) for i in range(71)]):
            last = await x
        print("last", last)


asyncio.run(main())
