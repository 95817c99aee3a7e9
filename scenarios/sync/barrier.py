# asim: python>=3.11
# asyncio.Barrier: three tasks wait until the last arrives, then pass
# together; abort() breaks it for the waiting and the later ones.
import asyncio


async def worker(barrier, name, delay):
    await asyncio.sleep(delay)
    print(f"{name} arrives at t={asyncio.get_running_loop().time()}, waiting {barrier.n_waiting}")
    index = await barrier.wait()
    print(f"{name} passes as #{index} at t={asyncio.get_running_loop().time()}")
    return index


async def main():
    barrier = asyncio.Barrier(3)
    print(repr(barrier).split(" at ")[0], barrier.parties, barrier.broken)
    print(sorted(await asyncio.gather(*(worker(barrier, f"w{i}", 0.5 * i) for i in range(3)))))
    async def enter(name):
        async with barrier as pos:
            return f"{name}#{pos}"
    print(sorted(await asyncio.gather(*(enter(n) for n in "abc"))))
    late = asyncio.create_task(worker(barrier, "late", 0))
    await asyncio.sleep(1)
    await barrier.abort()
    try:
        await late
    except asyncio.BrokenBarrierError as e:
        print("BrokenBarrierError:", e, "| broken:", barrier.broken)
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print("BrokenBarrierError:", e)
    await barrier.reset()
    print("after reset broken:", barrier.broken)
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
