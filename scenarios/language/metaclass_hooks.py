import asyncio


class Singleton(type):
    """One shared instance per class: the metaclass's __call__."""
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            print("creating", cls.__name__, args)
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Registry(type):
    """Each class made by this metaclass is recorded under its name."""
    classes = {}

    def __new__(mcls, name, bases, namespace, **kwargs):
        namespace.setdefault("kind", name.lower())
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        mcls.classes[name] = cls
        return cls

    def __init__(cls, name, bases, namespace):
        super().__init__(name, bases, namespace)
        cls.initialised = True


class Pool(metaclass=Singleton):
    def __init__(self, size):
        self.size = size
        self.used = 0

    async def borrow(self, who):
        self.used += 1
        await asyncio.sleep(0.1)
        self.used -= 1
        return f"{who} used pool of {self.size}"


class Handler(metaclass=Registry):
    async def handle(self, item):
        await asyncio.sleep(0.01)
        return f"{self.kind}:{item}"


class Upper(Handler):
    async def handle(self, item):
        return (await super().handle(item)).upper()


class Quiet(Handler):
    kind = "q"


async def main():
    print(sorted(Registry.classes), Upper.kind, Quiet.kind, Upper.initialised, type(Upper).__name__)
    results = await asyncio.gather(*(Pool(n).borrow(f"w{n}") for n in range(3)))
    print(results, Pool(99) is Pool(1), Pool(5).size)
    for cls in Registry.classes.values():
        print(cls.__name__, await cls().handle("x"))
    Dynamic = Registry("Dynamic", (Handler,), {"kind": "dyn"})
    print(await Dynamic().handle(1), "Dynamic" in Registry.classes, isinstance(Dynamic, Registry))
    Plain = type("Plain", (), {"n": 3})
    print(Plain.n, type(Plain), Plain.__name__)


asyncio.run(main())
