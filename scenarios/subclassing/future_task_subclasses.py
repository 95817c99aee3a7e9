# Subclasses of asyncio.Future and asyncio.Task with an __init__ of their
# own that reaches the base's through super(): the instances are of the
# program's class, keep attributes, and asyncio's own add_done_callback
# calls (a task waiting on a future, run_until_complete, gather) go through
# the subclass's override.
import asyncio


class Counting:
    def __init__(self, *args, **kwargs):
        self.calls = []
        super().__init__(*args, **kwargs)

    def add_done_callback(self, fn, **kwargs):
        self.calls.append(sorted(kwargs))
        return super().add_done_callback(fn, **kwargs)


class MyFuture(Counting, asyncio.Future):
    pass


class MyTask(Counting, asyncio.Task):
    pass


class Plain(asyncio.Future):
    def describe(self):
        return 'plain ' + type(self).__name__


def resolve(fut, value):
    fut.set_result(value)


async def work(fut):
    return await fut


loop = asyncio.new_event_loop()
fut = MyFuture(loop=loop)
task = MyTask(work(fut), loop=loop)
loop.call_soon(resolve, fut, 'spam')
print(loop.run_until_complete(task))
print(type(task).__name__, isinstance(task, asyncio.Task), task.calls, fut.calls)
print(repr(fut))
print(repr(task).split(' coro=')[0])
other = MyFuture(loop=loop)
loop.call_soon(resolve, other, 1)
gathered = asyncio.gather(other, other)
print(repr(gathered))
print(loop.run_until_complete(gathered))
print(other.calls)
p = Plain(loop=loop)
print(p.describe(), p.done(), repr(p))
p.tag = 'x'
print(p.tag)
loop.close()
