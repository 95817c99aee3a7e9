# A decorator on the last line of a function: nothing follows it.
def outer():
    @staticmethod
