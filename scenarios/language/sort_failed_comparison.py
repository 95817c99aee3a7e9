# A sort whose comparison fails: which pair CPython's timsort compared
# first names the types in the TypeError, and list.sort() leaves the items
# as far as they were sorted (reverse=True reversed back).
import asyncio


async def main():
    for data in ([1, 2, [5], 0], [[5], 1], [1, [5]], [3, 1, [5], 0, 2], [4, 3, "a", 1], [2, 5, 1, None, 3]):
        try:
            sorted(data)
        except TypeError as e:
            print("sorted:", e)
        copy = list(data)
        try:
            copy.sort()
        except TypeError as e:
            print("sort:", e, copy)
        copy = list(data)
        try:
            copy.sort(reverse=True)
        except TypeError as e:
            print("reverse:", e, copy)
        try:
            print(sorted(data, key=lambda v: v if isinstance(v, int) else 2.5))
        except TypeError as e:
            print("key:", e)
        await asyncio.sleep(0)


asyncio.run(main())
