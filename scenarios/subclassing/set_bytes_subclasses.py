# set, frozenset and bytes subclasses: reprs name the class, set operations
# and copies give plain sets and frozensets, bytes index and test membership
# with int subclass instances; the tags of finished tasks as a set subclass.
import asyncio


class Tags(set):
    def tagged(self, prefix):
        return sorted(t for t in self if t.startswith(prefix))


class Frozen(frozenset):
    pass


class Blob(bytes):
    pass


class Index(int):
    pass


async def job(tag, delay):
    await asyncio.sleep(delay)
    return tag


async def main():
    tags = Tags()
    for tag in await asyncio.gather(job("io:read", 0.2), job("cpu:hash", 0.1), job("io:write", 0.3)):
        tags.add(tag)
    print(len(tags), tags.tagged("io:"), isinstance(tags, set), "cpu:hash" in tags, repr(Tags()))
    both = tags | {"net:ping"}
    print(type(both).__name__, type(tags.copy()).__name__, sorted(tags & {"io:read"}), tags == set(tags))
    frozen = Frozen([1, 2])
    print(repr(frozen), type(frozen.copy()).__name__, frozen.copy() is frozen, hash(frozen) == hash(frozenset([1, 2])))
    print(type(frozen | {3}).__name__, {frozen: "key"}[frozenset([1, 2])])
    blob = Blob(b"abc")
    print(blob, repr(blob), blob[Index(1)], Index(98) in blob, blob.upper(), type(blob.upper()).__name__, bytes([Index(65)]))


asyncio.run(main())
