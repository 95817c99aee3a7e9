# make bench: many tasks contending for a Lock, a Semaphore and a Condition.
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
ROUNDS = 40


async def locker(lock, shared, i):
    for r in range(ROUNDS):
        async with lock:
            shared[0] += i
            await asyncio.sleep(0)


async def limited(sem, shared, i):
    for r in range(ROUNDS):
        async with sem:
            shared[1] += 1
            await asyncio.sleep((i + r) % 3 / 1000)


async def waiter(cond, shared):
    async with cond:
        while shared[2] < N * ROUNDS // 4:
            await cond.wait()
            shared[3] += 1


async def notifier(cond, shared):
    for r in range(ROUNDS):
        async with cond:
            shared[2] += N // 4
            cond.notify(2)
        await asyncio.sleep(0)
    async with cond:
        cond.notify_all()


async def main():
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(5)
    cond = asyncio.Condition()
    shared = [0, 0, 0, 0]
    tasks = [locker(lock, shared, i) for i in range(N)]
    tasks += [limited(sem, shared, i) for i in range(N)]
    tasks += [waiter(cond, shared) for i in range(N // 4)]
    tasks.append(notifier(cond, shared))
    await asyncio.gather(*tasks)
    print(f"lock {shared[0]}, semaphore {shared[1]}, condition {shared[2]} {shared[3]}, "
          f"t={asyncio.get_running_loop().time():.3f}")


asyncio.run(main())
