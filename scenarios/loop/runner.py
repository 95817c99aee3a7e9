# asim: python>=3.11
# asyncio.Runner runs several coroutines on one loop; close() (here at the end
# of the with) cancels what is left and closes the loop.
import asyncio


async def step(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} at t={asyncio.get_running_loop().time()}")
    return name


async def background():
    try:
        await asyncio.sleep(100)
    finally:
        print("background cancelled by close()")


with asyncio.Runner() as runner:
    print(runner.run(step("first", 1)))
    loop = runner.get_loop()
    loop.create_task(background())
    print(runner.run(step("second", 2)))
    print("same loop:", runner.get_loop() is loop, "closed:", loop.is_closed())
print("closed:", loop.is_closed())
coro = step("third", 1)
try:
    runner.run(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()
coro = step("never", 0)
try:
    asyncio.Runner().run(coro)
except Exception as e:
    print(type(e).__name__, e)
coro.close()
