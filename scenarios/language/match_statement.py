# asim: python>=3.10
# The match statement: every kind of pattern, guards, and the values it binds.
import asyncio
from dataclasses import dataclass


class Color:
    RED = "red"
    GREEN = "green"


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


@dataclass
class Job:
    name: str
    retries: int = 0


def describe(command):
    match command:
        case None:
            return "nothing"
        case True | False as flag:
            return f"flag {flag}"
        case 0:
            return "zero"
        case -1 | 1.5:
            return "minus one or one and a half"
        case "quit" | "exit":
            return "leave"
        case Color.RED:
            return "the red one"
        case int(n) if n > 100:
            return f"big {n}"
        case int(n):
            return f"int {n}"
        case str() as text if text.startswith("go "):
            return f"go to {text[3:]}"
        case [("stop" | "halt")]:
            return "stop alone"
        case ["move", x, y]:
            return f"move {x},{y}"
        case ["say", *words]:
            return "say " + " ".join(words)
        case [first, *_, last]:
            return f"from {first} to {last}"
        case []:
            return "empty list"
        case (a, b):
            return f"pair {a} {b}"
        case {"action": "sleep", "seconds": secs, **rest}:
            return f"sleep {secs} extra {rest}"
        case {"action": action}:
            return f"action {action}"
        case Point(0, 0):
            return "origin"
        case Point(x, y=0):
            return f"on the x axis at {x}"
        case Point(x=px, y=py) if px == py:
            return f"diagonal {px}"
        case Job(name, retries=r) if r > 0:
            return f"retry {name} {r}"
        case Job(name=n):
            return f"job {n}"
        case b"ping":
            return "ping bytes"
        case _:
            return f"unknown {command!r}"


async def worker(queue):
    while True:
        item = await queue.get()
        match item:
            case ("done",):
                print("worker stops")
                return
            case ("sleep", delay):
                await asyncio.sleep(delay)
                print("slept", delay)
            case other:
                print("worker got", describe(other))


async def main():
    queue = asyncio.Queue()
    task = asyncio.create_task(worker(queue))
    for item in [None, True, 0, -1, 1.5, "quit", "red", 7, 250, "go north", ["halt"], ["move", 1, 2],
                 ["say", "a", "b"], [1, 2, 3, 4], [], (5, 6), {"action": "sleep", "seconds": 2, "x": 1},
                 {"action": "run"}, Point(0, 0), Point(3, 0), Point(2, 2), Point(1, 2), Job("a", 2), Job("b"),
                 b"ping", 3.25, ("sleep", 0.5), "green", {"other": 1}, range(2)]:
        await queue.put(item)
    await queue.put(("done",))
    await task
    match = {"soft": "keyword"}
    match match:
        case {"soft": kind}:
            print("match is still a name:", kind)
    match 1, 2:
        case x, y:
            print("tuple subject", x, y)
    try:
        match 5:
            case Point(a, b, c):
                pass
    except TypeError as e:
        print("TypeError", e)
    try:
        match Point(1, 2):
            case Point(1, 2, 3):
                pass
    except TypeError as e:
        print("TypeError", e)
    print("bound after the match:", x, y)


asyncio.run(main())
