# A method named without calling it (a forgotten pair of parentheses): the
# methods of Future and Task are C code in CPython ("built-in method" of an
# _asyncio.Task object), those of Queue or Lock Python ("bound method").
# Addresses differ from run to run, so they are masked.
import asyncio
import re


def shown(obj):
    return re.sub(r"0x[0-9a-f]+", "0x?", repr(obj))


async def main():
    task = asyncio.current_task()
    print(shown(task.exception))
    print(shown(task.done))
    print(shown(asyncio.Task.exception))
    print(shown(asyncio.Future.result))
    print(shown(asyncio.Queue().get))
    print(shown([].append))


asyncio.run(main())
