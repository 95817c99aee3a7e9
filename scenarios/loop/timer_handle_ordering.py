# TimerHandles order by their deadline, as the loop's heap orders them, and
# compare equal when deadline, callback, arguments and state all agree.
import asyncio

def tick(*args):
    print("tick", args)

async def main():
    loop = asyncio.get_running_loop()
    now = loop.time()
    late = loop.call_at(now + 0.3, tick, "late")
    early = loop.call_at(now + 0.1, tick, "early")
    middle = loop.call_later(0.2, tick, "middle")
    twin = loop.call_at(now + 0.1, tick, "early")
    other = loop.call_at(now + 0.1, tick, "other")
    print(early < middle < late, late > early, early <= twin, early >= twin)
    print(early == twin, early != twin, early == other, early != other)
    print([h.when() - now for h in sorted([late, early, middle])])
    print(early == "early", early != 3)
    twin.cancel()
    print(early == twin, early <= twin)
    other.cancel()
    print(twin == other)
    try:
        print(early < 1)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
    await asyncio.sleep(0.5)

asyncio.run(main())
