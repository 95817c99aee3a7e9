# Tuple subclasses as queue items: __new__ builds the tuple, properties read
# it; they unpack, compare and hash as tuples, and tuple's own results are
# plain tuples.
import asyncio


class Job(tuple):
    def __new__(cls, priority, name):
        return super().__new__(cls, (priority, name))

    @property
    def priority(self):
        return self[0]

    @property
    def name(self):
        return self[1]

    def __repr__(self):
        return f"Job({self[0]}, {self[1]!r})"


class Urgent(Job):
    def __new__(cls, name):
        return super().__new__(cls, 0, name)


async def consumer(queue):
    while True:
        job = await queue.get()
        priority, name = job
        print(f"{asyncio.get_running_loop().time():.1f}", priority, name, job)
        queue.task_done()
        await asyncio.sleep(0.1)


async def main():
    queue = asyncio.PriorityQueue()
    for job in [Job(2, "b"), Job(1, "a"), Urgent("fire"), Job(3, "c")]:
        queue.put_nowait(job)
    worker = asyncio.create_task(consumer(queue))
    await queue.join()
    worker.cancel()
    job = Job(5, "e")
    print(job == (5, "e"), (5, "e") == job, hash(job) == hash((5, "e")), job < (6,), job.priority, job.name)
    print(type(job + (1,)).__name__, job + (1,), type(job[:1]).__name__, tuple(job), type(tuple(job)).__name__)
    print({job: "seen"}[(5, "e")], len(job), list(reversed(job)), job.count(5), isinstance(job, tuple))
    print(str(job), f"{job}", Urgent("x"), Urgent.__mro__[1:], sorted([Job(2, "z"), Job(1, "y")]))


asyncio.run(main())
