# TimerHandle hashes as its deadline does (hash(self._when)): two handles
# due at the same time with the same callback are equal and one set member;
# a dict keyed by handles finds an equal one.
import asyncio


def fire(tag):
    print("fire", tag)


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    first = loop.call_at(start + 0.5, fire, "a")
    twin = loop.call_at(start + 0.5, fire, "a")
    other = loop.call_at(start + 0.5, fire, "b")
    later = loop.call_at(start + 1.5, fire, "a")
    print(first == twin, first == other, first == later)
    print(hash(first) == hash(twin), hash(first) == hash(start + 0.5))
    print(hash(first) == hash(other), hash(later) == hash(start + 1.5))
    print(len({first, twin}), len({first, twin, other, later}))
    labels = {first: "first"}
    print(labels.get(twin), labels.get(other), twin in labels)
    twin.cancel()
    print(first == twin, len({first, twin}))
    await asyncio.sleep(2)


asyncio.run(main())
