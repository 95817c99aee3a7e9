# itertools' iterators are types of their own, which check their arguments
# when made (not at the first next()); the combinatoric ones make each item
# as it is asked for, so a slice of a huge product is cheap.
import itertools as it

made = [it.islice("abc", 2), it.permutations("ab"), it.combinations("abc", 2),
        it.combinations_with_replacement("ab", 2), it.product("ab", repeat=2),
        it.cycle("ab"), it.accumulate([1, 2]), it.compress("ab", [1, 0]),
        it.dropwhile(bool, []), it.takewhile(bool, []), it.filterfalse(None, []),
        it.starmap(pow, []), it.zip_longest("a"), it.tee("ab")[0]]
for obj in made:
    print(type(obj).__name__, type(obj).__module__, iter(obj) is obj)
for make in (lambda: it.islice("abc", -1), lambda: it.islice("abc", 1, 2, 0),
             lambda: it.islice("abc", "x", 2), lambda: it.islice(5, 2),
             lambda: it.permutations("ab", -1), lambda: it.permutations("ab", "2"),
             lambda: it.combinations("ab", -1), lambda: it.product("ab", repeat=-1),
             lambda: it.combinations("ab", 1.5), lambda: it.cycle(5), lambda: it.starmap(pow, 5),
             lambda: it.zip_longest([], 5), lambda: it.tee([], -1)):
    try:
        make()
        print("made")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(next(it.islice(it.product(range(100), repeat=8), 5, None)))
print(next(it.combinations(range(60), 30)))
print(next(it.islice(it.permutations(range(30)), 3, None)))
for n in range(4):
    for r in range(4):
        print(n, r, list(it.permutations(range(n), r)), list(it.combinations(range(n), r)),
              list(it.combinations_with_replacement(range(n), r)))
print(list(it.product("ab", "", "c")), list(it.product()), list(it.product("xy", repeat=0)))
