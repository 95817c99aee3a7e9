# run_forever() runs until a callback calls stop(); what is still pending
# stays pending, and a later run_until_complete carries on from there.
import asyncio


async def ticker(name, period):
    for i in range(3):
        await asyncio.sleep(period)
        print(f"{name} tick {i} at t={asyncio.get_running_loop().time()}")
    return name


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print("get_event_loop() is the loop set:", asyncio.get_event_loop() is loop)
a = loop.create_task(ticker("a", 1))
b = loop.create_task(ticker("b", 1.5))
loop.call_later(2.5, loop.stop)
loop.run_forever()
print("stopped at t =", loop.time(), "a done:", a.done(), "b done:", b.done())
print(loop.run_until_complete(asyncio.gather(a, b)))
loop.close()
asyncio.set_event_loop(None)
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
