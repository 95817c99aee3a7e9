# The random module draws CPython's numbers: the same Mersenne Twister and the
# same random.py algorithms. Its own generator starts from seed 0 (asim and
# the harness; CPython alone would seed it from the OS).
import random

print(random.random(), random.random())
print(random.randint(1, 10), random.randrange(100), random.randrange(5, 50, 5), random.randrange(10, 0, -3))
print(random.uniform(0.5, 1.5))
print(random.choice("abcdef"), random.choice([1, 2, 3]))
xs = list(range(10))
random.shuffle(xs)
print(xs)
print(random.sample(range(100), 5), random.sample(list(range(1000)), 7))
print(random.choices("abc", k=5), random.choices(["x", "y"], weights=[1, 3], k=6))
print(random.getrandbits(40), random.expovariate(2.0))
rng = random.Random(42)
print([round(rng.uniform(0.05, 1.0), 2) for _ in range(5)])
rng.seed(2**40 + 7)
print(rng.random(), rng.randint(-5, 5))
random.seed(123)
print(random.random(), random.randrange(2**62))
try:
    random.choice([])
except IndexError as e:
    print("IndexError:", e)
