# With logging configured, what asyncio logs goes through the "asyncio"
# logger: the selector at DEBUG as a loop is made, and the exception handler's
# handler's reports at ERROR ("Future exception was never retrieved"), both in the program's format
# on the program's stream (stdout here); a level on the asyncio logger
# silences it.
import asyncio
import logging
import sys

logging.basicConfig(level=logging.DEBUG, format="%(levelname)-7s|%(name)s| %(message)s", stream=sys.stdout)
log = logging.getLogger("app")


def first_line(record):
    # The handler's record keeps its first line only: the rest names this
    # file's path, which differs from machine to machine.
    record.msg = str(record.msg).split("\n")[0]
    record.exc_info = None
    record.exc_text = None
    return True


logging.getLogger().handlers[0].addFilter(first_line)


async def main(n):
    log.info("main %d starts", n)
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_exception(KeyError(f"item-{n}"))
    del f
    await asyncio.sleep(0.1)
    loop.call_exception_handler({"message": f"custom report {n}", "exception": ValueError(n)})
    log.info("main %d ends", n)


asyncio.run(main(1))
logging.getLogger("asyncio").setLevel(logging.CRITICAL)
asyncio.run(main(2))
print("done")
