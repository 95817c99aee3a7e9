# A dataclass's repr shows each field by its own repr(): enum members, a class's __repr__,
# inside lists too.
from dataclasses import dataclass, field
from enum import Enum, IntEnum

class Level(IntEnum):
    LOW = 1

class Color(Enum):
    RED = "r"

class Money:
    def __init__(self, c):
        self.c = c
    def __repr__(self):
        return f"Money({self.c})"

@dataclass
class Row:
    level: Level
    color: Color
    price: Money
    items: list = field(default_factory=list)
    note: str = "it's"

r = Row(Level.LOW, Color.RED, Money(5), [Money(1), Level.LOW])
print(r)
print([r], {"k": r})
