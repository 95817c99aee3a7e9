# Seeds that are strings, bytes and ints past 64 bits: random.py hashes a
# str or bytes with SHA-512 and seeds with all the bits of the number.
import asyncio
import random


async def roll(name, rng, n):
    await asyncio.sleep(0.1)
    print(name, [rng.randint(1, 6) for _ in range(n)])


async def main():
    print(random.Random("a").random())
    print(random.Random("").random(), random.Random(b"").random())
    print(random.Random(b"bytes seed").randrange(1000))
    print(random.Random("héllo wörld").random())
    long_seed = "the quick brown fox jumps over the lazy dog " * 5
    print(len(long_seed), random.Random(long_seed).random())
    print(random.Random(2 ** 64).random(), random.Random(2 ** 70 + 12345).random())
    print(random.Random(-(2 ** 100)).random() == random.Random(2 ** 100).random())
    random.seed("shared")
    first = [random.random() for _ in range(3)]
    random.seed("shared")
    print(first == [random.random() for _ in range(3)], round(first[0], 12))
    rng = random.Random()
    rng.seed("dice")
    await asyncio.gather(roll("alice", random.Random("alice"), 5), roll("bob", rng, 5))
    deck = list(range(10))
    random.Random("cards").shuffle(deck)
    print(deck, random.Random("pick").choice("abcdefg"), random.Random("s").sample(range(100), 4))


asyncio.run(main())
