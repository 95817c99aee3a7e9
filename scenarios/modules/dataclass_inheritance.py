# Dataclass inheritance: a subclass's fields follow its bases' (a redefined field keeps
# its place, takes the new default), ClassVar annotations are no fields; repr, eq,
# order, asdict, __match_args__ and the default-order check see them all.
from dataclasses import dataclass, field, asdict
from typing import ClassVar
import typing

@dataclass
class Person:
    name: str
    age: int = 0
    tags: list = field(default_factory=list)
    species: ClassVar[str] = "human"
    registry: typing.ClassVar[list] = []

@dataclass(order=True)
class Employee(Person):
    salary: float = 0.0
    age: int = 18

@dataclass
class Manager(Employee):
    reports: list = field(default_factory=list, repr=False)
    level: int = field(default=1, compare=False)

e = Employee("ann", salary=10.5)
m = Manager("bob", 40, ["x"], 99.0, level=3)
print(Person("p"), e, m)
print(asdict(m))
print(e < Employee("bea"), m == Manager("bob", 40, ["x"], 99.0, level=7))
print(Person.species, Employee.species, Person.registry, Person("z").species)
print(vars(m))
try:
    Employee()
except TypeError as err:
    print(err)
try:
    @dataclass
    class Bad(Person):
        extra: int
except TypeError as err:
    print(err)
print(getattr(Manager, "__match_args__", None))
