# Private names: `__spam` inside a class means `_Class__spam` for variables, attributes,
# parameters, annotations, globals and __slots__; dunders, `___` and underscore-only classes are left alone.
import asyncio

class Account:
    __slots__ = ("__balance", "owner")
    def __init__(self, owner, balance):
        self.owner = owner
        self.__balance = balance
    def deposit(self, n):
        self.__balance += n
        return self.__balance
    def __check(self):
        return self.__balance >= 0
    def ok(self):
        return self.__check()

a = Account("ann", 10)
print(a.deposit(5), a.ok(), a._Account__balance, hasattr(a, "__balance"))
print("_Account__check" in Account.__dict__, Account._Account__check.__name__, Account._Account__check.__qualname__)

class __Hidden:
    def __init__(self):
        self.__v = 1
h = __Hidden()
print(vars(h))

class _Under:
    __count = 0
    def bump(self):
        _Under.__count += 1
        return [self.__count for _ in range(2)], (lambda: self.__count)()
print(_Under().bump(), _Under._Under__count)

class Outer:
    __tag = "o"
    class Inner:
        __tag = "i"
        def get(self):
            return self.__tag
    def get(self):
        return self.__tag, self.Inner().get()
print(Outer().get(), "_Outer__tag" in Outer.__dict__, hasattr(Outer, "__tag"))

class Ann:
    __x: int = 3
    __y: str
    def f(self, __p: int, *, __k=2) -> None:
        return __p, __k
print(Ann.__annotations__, Ann.f.__annotations__, Ann().f(1), Ann.f.__kwdefaults__)


class G:
    def set(self):
        global __gl
        __gl = 5
G().set()
print(_G__gl)

class Err:
    def bad(self):
        return self.__missing
try:
    Err().bad()
except AttributeError as e:
    print("AttributeError", e)

class Loc:
    def f(self):
        return __undefined_name
try:
    Loc().f()
except NameError as e:
    print("NameError", e)

class Base:
    def __init__(self):
        self.__id = "base"
class Child(Base):
    def __init__(self):
        super().__init__()
        self.__id = "child"
print(sorted(vars(Child()).items()))

class WithAsync:
    def __init__(self):
        self.__n = 0
    async def __step(self):
        await asyncio.sleep(0.1)
        self.__n += 1
    async def run(self):
        await asyncio.gather(*(self.__step() for _ in range(3)))
        return self.__n
print(asyncio.run(WithAsync().run()))

class Dunder:
    __x__ = 1
    ___ = 2
    __ = 3
print(Dunder.__x__, Dunder.___, Dunder.__)

class Kw:
    def m(self, __a):
        return __a
try:
    print(Kw().m(__a=1))
except TypeError as e:
    print("TypeError", e)
print(Kw().m(4))

class Del:
    def __init__(self):
        self.__z = 1
        del self.__z
        self.__w = 2
print(vars(Del()))

class Slotted:
    __slots__ = "__only"
    def __init__(self):
        self.__only = 9
    def get(self):
        return self.__only
print(Slotted().get())
try:
    Slotted()._x = 1
except AttributeError as e:
    print("AttributeError", e)
