# Arguments of a call that did not bind are let go as soon as the error
# leaves the calling frame: an unawaited coroutine among them is warned about
# there (the line of the call), not at shutdown.
async def work(n):
    return n


def schedule(coro, delay):
    return coro


def comprehension():
    return [schedule(work(i)) for i in range(2)]


try:
    comprehension()
except TypeError as e:
    print("caught:", e)
print("after")
schedule(work(9), delay=1, extra=2)
