# A `with` item whose __enter__ raises: 3.13 marks the context expression
# (here a method call on a parenthesized item), earlier versions nothing.
class Refusing:
    def session(self, user):
        return Session(user)


class Session:
    def __init__(self, user):
        self.user = user

    def __enter__(self):
        raise PermissionError(self.user)

    def __exit__(self, *exc):
        return False


def connect(manager):
    with manager.session("guest") as s:
        return s


connect(Refusing())
