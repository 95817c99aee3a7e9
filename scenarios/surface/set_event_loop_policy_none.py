# asyncio.set_event_loop_policy(None) restores a fresh default policy: the
# loop set before is forgotten, get_event_loop makes a new one.
import asyncio
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop)
asyncio.set_event_loop(None)
asyncio.set_event_loop_policy(None)
l2 = asyncio.get_event_loop()
print(l2 is loop, l2.is_running(), l2.is_closed())
asyncio.set_event_loop_policy(None)
l3 = asyncio.get_event_loop()
print(l3 is l2)
print(asyncio.events.set_event_loop_policy is asyncio.set_event_loop_policy)
print(asyncio.set_event_loop_policy(None))
loop.close()
l2.close()
