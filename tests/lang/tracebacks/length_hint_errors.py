# list() asks its argument's __len__ for a length hint after iter(): what
# __len__ raises (a TypeError aside) and a negative length stop it.
class Box:
    def __init__(self, *items):
        self.items = list(items)

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return -len(self.items)


print(list(Box()))
print(list(Box(1)))
