# sys.stdout and sys.stderr: print(file=...) and write() go to the program's
# own streams.
import asyncio
import sys


async def report(name, delay):
    await asyncio.sleep(delay)
    sys.stdout.write(f"{name} done at t={asyncio.get_running_loop().time()}\n")
    if name == "b":
        print(f"warning: {name} was slow", file=sys.stderr)


async def main():
    await asyncio.gather(report("a", 0.1), report("b", 0.2))
    print(sys.stdout.name, sys.stderr.name, flush=True)


asyncio.run(main())
