"""(t) TaskGroup._abort iterates self._tasks, a set: the order in which the
group cancels its tasks follows their addresses (hash(task) = id >> 4), so
the order in which the siblings see CancelledError varies from group to
group. 20 groups of two siblings, with padding allocations in between,
print the orders seen and how often.

usage: python3.X tests/conformance/virtual_clock.py tests/conformance/oracle/t_tg_abort_order.py
"""
import asyncio


async def sibling(name, log):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log.append(name)
        raise


async def bad():
    await asyncio.sleep(0.1)
    raise ValueError('bad')


async def one_group(pad):
    keep = [object() for _ in range(pad)]
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sibling('s1', log))
            keep.append([object() for _ in range(pad)])
            tg.create_task(sibling('s2', log))
            tg.create_task(bad())
    except ExceptionGroup:
        pass
    return ','.join(log)


async def main():
    seen = {}
    for pad in range(20):
        order = await one_group(pad * 7)
        seen[order] = seen.get(order, 0) + 1
    for order in sorted(seen):
        print('%s: seen' % order)


asyncio.run(main())
