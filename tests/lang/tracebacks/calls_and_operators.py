# The marks under each line of a traceback: 3.11-3.12 mark operators and
# subscripts; 3.13 also marks calls, except a whole `x = f()` / `return f()`.
def divide(x):
    return 1 / x


def lookup(table, key):
    return table[key] + divide(0)


class Box:
    def open(self, n):
        return lookup({"a": n}, "a")


def run():
    box = Box()
    total = box.open(1) * 2
    return total


result = run()
