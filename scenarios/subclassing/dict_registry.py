# A dict subclass as a task registry. d[k], d[k] = v and `in` call what the
# class overrides; dict's own methods (update, get, setdefault, copy) do not:
# dict.get never calls __missing__, update never calls __setitem__.
import asyncio


class Registry(dict):
    def __missing__(self, name):
        return f"<no task {name}>"

    def __setitem__(self, name, task):
        print("  register", name)
        super().__setitem__(name, task)

    def running(self):
        return sorted(name for name, task in self.items() if not task.done())


class Deep(Registry):
    def __getitem__(self, name):
        value = super().__getitem__(name)
        return value.result() if isinstance(value, asyncio.Task) else value


async def job(delay):
    await asyncio.sleep(delay)
    return delay


async def main():
    tasks = Registry()
    for name, delay in [("fast", 0.1), ("slow", 0.3)]:
        tasks[name] = asyncio.create_task(job(delay))
    tasks.update(extra=asyncio.create_task(job(0.2)))
    print(sorted(tasks), tasks.running(), tasks["nope"], tasks.get("nope"))
    await asyncio.sleep(0.15)
    print(tasks.running(), "fast" in tasks, len(tasks))
    print(isinstance(tasks, dict), type(tasks).__name__, type(tasks.copy()).__name__)
    done = await asyncio.gather(*tasks.values())
    print(done, dict(zip(tasks, done)))
    deep = Deep(tasks)
    print(deep["slow"], deep["gone"], Deep.__mro__[1:])
    plain = {k: t.result() for k, t in tasks.items()}
    counts = Registry(plain)
    print(counts, counts == plain, plain == counts, {**counts})
    print(repr(Registry()), Registry(a=1).setdefault("b", 2), Registry.fromkeys("ab"))


asyncio.run(main())
