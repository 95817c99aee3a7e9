# expect-exit: 2
# expect-stderr-contains: random_seed_from_os.py:8: not supported by asim: random numbers without a seed
# CPython seeds Random() from the OS: asim lets it be made (and seeded
# later), and stops at the first number drawn from the OS's seed.
import random
rng = random.Random()
try:
    rng.random()
except TypeError:
    print("a TypeError CPython would not raise")
