# expect-exit: 2
# expect-stderr-contains: run_debug_mode.py:11: not supported by asim: asyncio.run(debug=True)
# expect-stderr-lines: 1
# Debug mode logs slow callbacks and adds creation tracebacks: asim does not
# model it.
import asyncio

async def main():
    await asyncio.sleep(0)

asyncio.run(main(), debug=True)
