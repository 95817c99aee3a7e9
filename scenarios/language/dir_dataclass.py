# dir() of dataclasses and their instances: what @dataclass adds to the class (3.13's
# __replace__ too), inherited fields in the instance's __dict__.
from dataclasses import dataclass, field
@dataclass(order=True)
class P:
    x: int
    y: int = 0
    z: list = field(default_factory=list)
@dataclass(frozen=True)
class Q:
    a: str = "q"
@dataclass
class R(P):
    w: int = 1
print(dir(P))
print(dir(Q()))
print(dir(R(1)))
R(1).ww
