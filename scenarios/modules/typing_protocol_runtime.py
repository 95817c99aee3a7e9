# asim: python>=3.8
# typing.Protocol with @runtime_checkable: isinstance() looks for the protocol's members
# (methods and annotations), a class deriving from it checks as any class.
from typing import Protocol, runtime_checkable

@runtime_checkable
class Greeter(Protocol):
    def greet(self) -> str: ...

@runtime_checkable
class Sized2(Protocol):
    size: int
    def area(self): ...

class NotRuntime(Protocol):
    def go(self): ...

class English:
    def greet(self):
        return "hello"

class Impl(Greeter):
    pass

class Box:
    size = 3
    def area(self):
        return 9

class Flat:
    def area(self):
        return 1

print(isinstance(English(), Greeter), isinstance(3, Greeter), isinstance(Impl(), Greeter))
print(isinstance(Box(), Sized2), isinstance(Flat(), Sized2))
try:
    isinstance(English(), NotRuntime)
except TypeError as e:
    print("TypeError", e)
try:
    runtime_checkable(English)
except TypeError as e:
    print("TypeError", str(e)[:40])
for g in (English(), Impl()):
    if isinstance(g, Greeter):
        print(type(g).__name__, "greets", g.greet() if type(g) is English else "-")
