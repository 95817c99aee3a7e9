# The with statement: __exit__ runs on every way out (normal end, exception,
# continue, break, return) and may suppress the exception.
import asyncio
import time


class Timer:
    def __init__(self, label):
        self.label = label

    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, exc_type, exc, tb):
        print(f"{self.label}: {time.perf_counter() - self.start:.2f}s, error={exc_type.__name__ if exc_type else None}")
        return exc_type is KeyError


async def main():
    with Timer("sleeps") as t:
        await asyncio.sleep(1.5)
    print(t.label)
    with Timer("suppressed"):
        await asyncio.sleep(0.5)
        raise KeyError("gone")
    print("after suppressed")
    for i in range(3):
        with Timer(f"loop {i}"):
            if i == 1:
                continue
            if i == 2:
                break
    with Timer("outer"), Timer("inner"):
        pass
    try:
        with Timer("propagated"):
            raise ValueError("boom")
    except ValueError as e:
        print("caught", e)
    def early():
        with Timer("return inside"):
            return "returned"
    print(early())


asyncio.run(main())
