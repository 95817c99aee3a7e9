# super(): the cooperative calls class hierarchies in asyncio programs make —
# an exception with extra fields, a worker base class, classmethod factories,
# properties, a diamond, and the errors.
import asyncio


class RetryError(Exception):
    def __init__(self, message, attempts):
        super().__init__(message)
        self.attempts = attempts


class Worker:
    def __init__(self, name):
        self.name = name
        self.log = []

    async def handle(self, item):
        await asyncio.sleep(0.1)
        self.log.append(item)
        return f"{self.name} handled {item}"

    @classmethod
    def create(cls, name):
        return cls(name)

    @property
    def kind(self):
        return "plain"

    def __repr__(self):
        return f"<{type(self).__name__} {self.name}>"


class LoggingWorker(Worker):
    def __init__(self, name, prefix="log"):
        super().__init__(name)
        self.prefix = prefix

    async def handle(self, item):
        result = await super().handle(item)
        return f"{self.prefix}: {result}"

    @classmethod
    def create(cls, name):
        worker = super().create(name.upper())
        worker.prefix = "made"
        return worker

    @property
    def kind(self):
        return "logging+" + super().kind


class A:
    def who(self):
        return ["A"]


class B(A):
    def who(self):
        return ["B"] + super().who()


class C(A):
    def who(self):
        return ["C"] + super().who()


class D(B, C):
    def who(self):
        return ["D"] + super().who()


async def main():
    w = LoggingWorker("w1")
    print(await w.handle(1), w.log, w.kind, w)
    made = LoggingWorker.create("w2")
    print(made, made.prefix, await made.handle(2))
    print(D().who(), super(B, D()).who(), super(D, D()).who())
    try:
        raise RetryError("gave up", 3)
    except RetryError as e:
        print(e, e.args, e.attempts, repr(e))
    try:
        super(B, 3)
    except TypeError as e:
        print("TypeError:", e)
    try:
        super(3, B())
    except TypeError as e:
        print("TypeError:", e)
    try:
        super()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        super(D, D()).missing
    except AttributeError as e:
        print("AttributeError:", e)
    print(repr(super(B)), type(super(B, B())).__name__)
    results = await asyncio.gather(*(LoggingWorker(f"g{i}").handle(i) for i in range(3)))
    print(results)


asyncio.run(main())
