# expect-exit: 2
# expect-stderr-contains: subprocess_pipe_argument.py:9: not supported by asim: asyncio.create_subprocess_exec
# expect-stderr-lines: 1
# asyncio.subprocess.PIPE is a number CPython gives; the call that uses it stops.
import asyncio

async def main():
    print("start", asyncio.subprocess.PIPE)
    proc = await asyncio.create_subprocess_exec("echo", "hi", stdout=asyncio.subprocess.PIPE)
    print(await proc.communicate())

asyncio.run(main())
