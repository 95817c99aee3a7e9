# random.choices with weights or cumulative weights, and its refusals per
# version: both kinds at once, a count that does not match, weights totalling
# zero (refused from 3.9), an empty population (its own IndexError).
import random

random.seed(11)
print(random.choices("abc", cum_weights=[1, 2, 10], k=6))
print(random.choices(["x", "y"], [3, 1], k=6))
print(random.choices(range(4), cum_weights=[0.5, 1.0, 1.5, 4.0], k=5))
for attempt in (lambda: random.choices("ab", [1, 1], cum_weights=[1, 2]),
                lambda: random.choices("ab", cum_weights=[1]),
                lambda: random.choices("ab", [1, 2, 3]),
                lambda: random.choices("ab", [0, 0], k=3),
                lambda: random.choices("ab", cum_weights=[0, 0]),
                lambda: random.choices([], k=2),
                lambda: random.choices("", k=1)):
    try:
        print(attempt())
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
print(random.Random(5).choices("pqr", cum_weights=(2, 2, 3), k=4))
