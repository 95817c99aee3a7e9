# enum.Flag and IntFlag: auto() powers of two, |, &, ^, ~, membership,
# iteration, and the str()/repr() of combinations, which 3.11 redesigned
# (names in definition order, aliases left out of iteration, STRICT and
# KEEP boundaries).
import asyncio
from enum import Flag, IntFlag, auto


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()


class Color(Flag):
    RED = 1
    GREEN = 2
    BLUE = 4
    WHITE = 7


class Access(IntFlag):
    READ = 4
    WRITE = 2
    EXEC = 1


async def check(user, wanted, granted):
    await asyncio.sleep(0.1 * len(user))
    missing = wanted & ~granted
    print(user, "ok" if not missing else "missing %s" % (missing,), repr(missing))


async def main():
    rw = Perm.R | Perm.W
    print(rw, repr(rw), Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), rw.value, Perm(5))
    print(repr(Perm(0)), str(Perm(0)), rw.name, Perm.R.name, Perm(0).name)
    print(list(Perm), list(Color), len(Color), Color.WHITE, Color.RED | Color.GREEN | Color.BLUE)
    print(~Perm.R, repr(~Perm.R), ~rw, ~Color.RED, repr(~Color.WHITE))
    print(Perm.R ^ rw, rw & Perm.W, Perm.R | Perm.R, Perm(3) is rw, Perm(7), repr(Perm))
    print(Access.READ | Access.WRITE, repr(Access.READ | Access.WRITE), Access.READ + 1, Access.READ == 4)
    print(Access(6), Access.READ | 8, repr(Access.READ | 8), repr(Access(9)), repr(Access(0)), str(Access(0)))
    print(repr(~Access.READ), repr(~(Access.READ | Access.WRITE)), Access.READ & 2, isinstance(Access.READ, int))
    print(f"{Perm.R}", f"{Access.READ}", f"{Access.READ | Access.WRITE:>6}", format(Perm.W), Perm["W"])
    print(Access.READ in (Access.READ | Access.EXEC), repr(Color.RED | Color.BLUE), repr(Access(7)))
    try:
        Perm(8)
    except ValueError as e:
        print("ValueError", e)
    try:
        print(Perm.R | 1)
    except TypeError as e:
        print("TypeError", e)
    try:
        print(1 in rw)
    except TypeError as e:
        print("TypeError", e)
    try:
        print(list(rw), len(rw))
    except TypeError as e:
        print("TypeError", e)
    for p in (Perm.R, rw, Perm(0)):
        print(p, bool(p), p.value)
    labels = {Perm.R: "read", Perm.W: "write", Perm.X: "exec"}
    print(labels[Perm.R], sorted(Perm, key=lambda m: -m.value))
    await asyncio.gather(check("ann", Perm.R | Perm.W, Perm.R | Perm.W | Perm.X),
                         check("bo", Perm.R | Perm.X, Perm.R))


asyncio.run(main())
