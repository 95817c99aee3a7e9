# asim: python>=3.11
# Runner.run on a closed Runner raises RuntimeError from _lazy_init; the
# traceback holds run's frame and with it the coroutine, so "never awaited"
# comes when the exception is let go, at the end of the except block.
import asyncio
import warnings

def show(message, category, filename, lineno, file=None, line=None):
    print("warning at line", lineno, category.__name__, message)

warnings.showwarning = show

async def step(n):
    await asyncio.sleep(0.1)
    return n

runner = asyncio.Runner()
print(runner.run(step(1)))
runner.close()
try:
    runner.run(step(2))
except RuntimeError as e:
    print("RuntimeError:", e)
    print("still handling")
print("after")
