# asim: python>=3.9
# A cancelled gather(return_exceptions=True) raises the CancelledError that
# gather's callback makes from `fut` after its `for fut in children:` loop:
# the last child listed, not the child that finished last. Here the child
# that finishes last was cancelled with a message; the last listed one
# finished normally, so the awaiting task sees a CancelledError without it.
import asyncio


async def quick(n):
    return n


async def slow(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print(name, "cancelled with", e.args)
        raise


async def gatherer():
    try:
        return await asyncio.gather(quick(1), slow("slow"), quick(3), return_exceptions=True)
    except asyncio.CancelledError as e:
        print("gather raised", repr(e), "context", repr(e.__context__))
        raise


async def main():
    task = asyncio.create_task(gatherer())
    await asyncio.sleep(0.1)
    print("cancel:", task.cancel("stop now"))
    try:
        await task
    except asyncio.CancelledError as e:
        print("task ended cancelled", e.args)
    both = asyncio.gather(slow("a"), slow("b"), return_exceptions=True)
    await asyncio.sleep(0.1)
    both.cancel("second")
    try:
        await both
    except asyncio.CancelledError as e:
        print("outer gather raised", repr(e))


asyncio.run(main())
