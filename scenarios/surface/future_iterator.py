# A Future is iterable (Future.__iter__ is Future.__await__): its iterator
# yields the pending future once, then stops with the result; send, throw
# (with the C accelerator's argument checks, deprecated three-argument form
# from 3.12) and close, as a program driving it by hand sees them.
import asyncio

loop = asyncio.new_event_loop()

done = loop.create_future()
done.set_result((1, 2))
it = done.__iter__()
print(type(it).__name__, iter(it) is it)
try:
    it.send(None)
except StopIteration as stop:
    print("stopped with", stop.args, stop.value)
print(list(iter(done)))

pending = loop.create_future()
it = iter(pending)
print(next(it) is pending, pending._asyncio_future_blocking)
for args in [(Exception, Exception("elephant"), 32), (Exception("elephant"), Exception("elephant")), (list,), (3,)]:
    try:
        iter(pending).throw(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    iter(pending).throw(ValueError, "made from the value")
except ValueError as e:
    print("ValueError:", e)
try:
    iter(pending).throw(KeyError("an instance"))
except KeyError as e:
    print("KeyError:", e)
waiter = pending.__await__()
print(type(waiter).__name__)
waiter.close()


async def main():
    fut = loop.create_future()
    loop.call_later(0.5, fut.set_result, 5)
    got = await fut
    return got, loop.time(), [x for x in iter(fut)]


print(loop.run_until_complete(main()))
pending.cancel()
loop.close()
