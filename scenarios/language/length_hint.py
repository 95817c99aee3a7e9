# tuple(), sorted(), list.extend, += and [*x] ask their argument's __len__
# (else __length_hint__) for a length hint right after iter(): a program
# that prints there shows it; a negative answer is a ValueError. (list()
# does too, but 3.8-3.9 ask __len__ once more before iter().)
class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __iter__(self):
        print("  iter")
        return iter(self.items)

    def __len__(self):
        print("  len")
        return len(self.items)


bag = Bag(3, 1, 2)
print(tuple(bag))
print(sorted(bag))
grown = [0]
grown.extend(bag)
grown += bag
print(grown, [*bag], (*bag,))
print(set(bag), len(bag))


class Hinted:
    def __iter__(self):
        return iter("ab")

    def __length_hint__(self):
        print("  hint")
        return 2


print(list(Hinted()), sorted(Hinted()))


def answers(value):
    class Odd:
        def __iter__(self):
            return iter([1])

        def __len__(self):
            if isinstance(value, Exception):
                raise value
            return value
    return Odd()


for value in (-1, TypeError("ignored"), RuntimeError("kept")):
    try:
        print(list(answers(value)))
    except (ValueError, RuntimeError) as e:
        print(type(e).__name__, e)


class BadHint:
    def __iter__(self):
        return iter([1])

    def __length_hint__(self):
        return "many"


try:
    print(list(BadHint()))
except TypeError as e:
    print("TypeError", e)
try:
    sorted([3, 1], None)
except TypeError as e:
    print("TypeError", e)

