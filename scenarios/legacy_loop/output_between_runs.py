# What a program prints outside its event loops: before the first run, between
# runs (asyncio.run, then one loop run twice with run_until_complete), after the
# last, and what it writes to stderr when it ends. `asim run` shows each line
# where it was written.
import asyncio

print("before any loop")


async def job(name):
    print("start", name)
    await asyncio.sleep(0.5)
    print("finish", name)
    return name


print("returned", asyncio.run(job("run 1")))
print("between runs")
loop = asyncio.new_event_loop()
print("returned", loop.run_until_complete(job("run 2")))
print("between two run_until_complete calls")
print("returned", loop.run_until_complete(job("run 3")))
loop.close()
print("after the last run")
raise SystemExit("the end: a message on stderr, exit status 1")
