# A repeated parameter: 3.10+ mark it (with its annotation), 3.7-3.9 the def.
class Account:
    def deposit(self, __amount, __amount: float = 0.0):
        pass
