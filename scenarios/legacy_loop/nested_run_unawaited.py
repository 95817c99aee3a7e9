# A coroutine handed to asyncio.run inside a running loop, or to a closed
# loop's run_until_complete, is never awaited; the RuntimeError's traceback
# keeps it alive, so CPython warns once the exception is let go: at the end
# of the except clause that caught it. The warnings are printed to stdout
# with their line.
import asyncio
import os
import warnings


def show(message, category, filename, lineno, file=None, line=None):
    print(f"  {category.__name__} at {os.path.basename(filename)}:{lineno}: {message}")


warnings.showwarning = show


async def job():
    return "never"


async def main():
    try:
        asyncio.run(job())
    except RuntimeError as e:
        print("RuntimeError:", e)
        print("still inside the handler")
    print("after the handler")


asyncio.run(main())
loop = asyncio.new_event_loop()
loop.close()
try:
    loop.run_until_complete(job())
except RuntimeError as e:
    error = e
print("kept:", error)
del error
print("let go")
asyncio.run(main())
