# bool() gives the two singletons True and False, whatever it is called on;
# a __bool__ may return what bool() returned, and `is` sees the same object.
class Account:
    def __init__(self, balance):
        self.balance = balance

    def __bool__(self):
        return bool(self.balance)


class Basket:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)


flags = [bool(2), bool(0), bool("x"), bool([]), bool(Account(5)), bool(Basket([1]))]
print(flags, [f is True for f in flags], [type(f).__name__ for f in flags])
print(bool(1) is True, bool() is False, bool(0.0) is False, bool(Account(0)) is False)
print(not Account(3), not Basket([]), sum(bool(n) for n in range(-2, 3)))
print({bool(1): "yes", bool(0): "no"}, bool(7) == 1, bool(7) + bool(7))
for account in [Account(10), Account(0)]:
    if account:
        print("open", account.balance)
    else:
        print("empty")
