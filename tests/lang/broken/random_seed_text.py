# expect-exit: 2
# expect-stderr-contains: random_seed_text.py:5: not supported by asim: random.seed() with a str or bytes
import random
try:
    random.seed("spam")
except TypeError:
    print("a TypeError CPython would not raise")
