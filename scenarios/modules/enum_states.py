# enum in an asyncio program: task states as an Enum with auto(), priorities as
# an IntEnum, lookups by value and name, iteration, unique, members with
# __init__, and str/format per version (IntEnum's str changed in 3.11).
import asyncio
import enum
import sys
from enum import Enum, IntEnum, auto, unique


class State(Enum):
    PENDING = auto()
    RUNNING = auto()
    DONE = auto()
    FAILED = "failed"


class Priority(IntEnum):
    LOW = 1
    NORMAL = 5
    HIGH = 10


@unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

    def describe(self):
        return f"{self.name.lower()} ({self.value})"

    @classmethod
    def default(cls):
        return cls.GREEN


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius


class Job:
    def __init__(self, name, priority):
        self.name = name
        self.priority = priority
        self.state = State.PENDING

    async def run(self):
        self.state = State.RUNNING
        await asyncio.sleep(0.1 / self.priority)
        self.state = State.DONE if self.priority > 1 else State.FAILED
        return self.state


async def main():
    jobs = [Job("a", Priority.LOW), Job("b", Priority.HIGH), Job("c", Priority.NORMAL)]
    print([j.state for j in jobs])
    states = await asyncio.gather(*(j.run() for j in jobs))
    print(states, [s.name for s in states], [s.value for s in states])
    print(State.DONE, repr(State.DONE), State(3), State["FAILED"], State("failed") is State.FAILED)
    print(list(State), len(State), State.DONE in State, type(State.DONE), isinstance(State.DONE, State))
    print(sorted(jobs, key=lambda j: j.priority)[0].name, Priority.HIGH > Priority.LOW, Priority.HIGH == 10)
    print(Priority.HIGH + 1, int(Priority.NORMAL), repr(Priority.LOW), [p.name for p in Priority])
    print(str(Priority.LOW), f"{Priority.LOW}", f"{State.DONE}", format(Color.RED), "%s" % Color.BLUE)
    print(Color.RED.describe(), Color.default(), Color.GREEN.name, State, Planet.EARTH.mass, Planet.MERCURY.value)
    print(State.__members__.keys() if False else list(State.__members__), {State.DONE: "ok"}[State.DONE])
    try:
        State(99)
    except ValueError as e:
        print("ValueError:", e)
    try:
        Color["PINK"]
    except KeyError as e:
        print("KeyError:", e)
    counts = {}
    for s in states:
        counts[s] = counts.get(s, 0) + 1
    print(counts)
    if sys.version_info >= (3, 11):
        class Mode(enum.StrEnum):
            FAST = auto()
            SLOW = "slow"
        print(Mode.FAST, repr(Mode.FAST), Mode.FAST == "fast", f"{Mode.SLOW}")


asyncio.run(main())
