# make bench: asyncio.wait with timeouts over batches of tasks, the ones not
# done in time cancelled, FIRST_COMPLETED and FIRST_EXCEPTION too.
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
BATCH = 500


async def work(i):
    await asyncio.sleep((i % 23) / 10)
    if i % 11 == 0:
        raise RuntimeError(i)
    return i


async def main():
    done_total = pending_total = failed = first = 0
    for start in range(0, N, BATCH):
        tasks = [asyncio.create_task(work(i)) for i in range(start, start + BATCH)]
        done, pending = await asyncio.wait(tasks, timeout=1.05)
        done_total += len(done)
        pending_total += len(pending)
        failed += sum(1 for t in done if t.exception() is not None)
        done2, pending2 = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        first += len(done2)
        for t in pending2:
            t.cancel()
        await asyncio.wait(pending2, return_when=asyncio.FIRST_EXCEPTION)
        for t in done2:
            if not t.cancelled() and t.exception() is not None:
                failed += 1
    print(f"done {done_total}, pending {pending_total}, failed {failed}, first {first}, "
          f"t={asyncio.get_running_loop().time():.2f}")


asyncio.run(main())
