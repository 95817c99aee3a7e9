# A class whose __mul__ and __rmul__ both decline (NotImplemented) times a
# str, list or tuple: the sequence then refuses the count, as
# PyNumber_Multiply falls back to sequence_repeat.


class Scale:
    def __mul__(self, other):
        return NotImplemented

    __rmul__ = __mul__


for product in (lambda: Scale() * "ab", lambda: [1] * Scale(), lambda: Scale() * (1,)):
    try:
        product()
    except TypeError as e:
        print("TypeError", e)
