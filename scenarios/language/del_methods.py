# A class's __del__ runs when its instance loses its last reference: del,
# rebinding, a function's local going out of scope, a list or tuple released
# (last item first), a dict released (first item first), an exception raised
# in __del__ (reported on stderr, the program goes on), an instance revived
# by its __del__ (which runs only once), a local of a finished task.
import asyncio


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", type(self).__name__, self.name)


class Quiet(Noisy):
    pass


class Stack(list):
    def __del__(self):
        print("del Stack of", len(self))


class Table(dict):
    def __del__(self):
        print("del Table", sorted(self))


a = Noisy("a")
del a
print("after del")

b = Quiet("b1")
b = Quiet("b2")
print("after rebinding")
b = None


def scope():
    local = Noisy("local")
    print("in scope", local.name)


scope()
print("after scope")

items = [Noisy("x"), Noisy("y"), Noisy("z")]
items.clear()
print("after clear")
items = [Noisy("p"), Noisy("q")]
items = None
pair = (Noisy("t1"), Noisy("t2"))
del pair
mapping = {"k1": Noisy("v1"), "k2": Noisy("v2")}
del mapping
print("after containers")

s = Stack([1, 2, 3])
del s
t = Table(one=1, two=2)
del t


class Failing:
    def __del__(self):
        print("failing")
        raise ValueError("boom")


f = Failing()
del f
print("after failing")

revived = None


class Phoenix:
    calls = 0

    def __del__(self):
        global revived
        Phoenix.calls += 1
        print("del Phoenix", Phoenix.calls)
        revived = self


p = Phoenix()
del p
print("revived", type(revived).__name__)
revived = None
print("calls", Phoenix.calls)


async def worker(name):
    held = Noisy(name)
    await asyncio.sleep(1)
    print("worker done", held.name)
    return name


async def main():
    task = asyncio.create_task(worker("task-local"))
    print("result", await task)
    del task
    print("main done")


asyncio.run(main())
print("end")
