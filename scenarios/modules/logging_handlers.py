# logging without basicConfig: the last-resort handler, filters, extra,
# LoggerAdapter, '$' style, exc_info=True, a handler per level, msecs.
import asyncio
import logging
import sys

log = logging.getLogger("svc.worker")
log.warning("no handlers: just the message")
log.error("with args %s and %r", "a", "b")
log.info("below WARNING: dropped")



class Portable(logging.Formatter):
    # Tracebacks name the script by the path it was run as.
    def formatException(self, ei):
        return logging.Formatter.formatException(self, ei).replace(__file__, "SCRIPT")


handler = logging.StreamHandler(sys.stdout)
handler.setLevel(logging.INFO)
handler.setFormatter(Portable("$levelname $name ${message} [$request]", style="$"))
svc = logging.getLogger("svc")
svc.addHandler(handler)
svc.setLevel(logging.DEBUG)
print(svc.hasHandlers(), log.hasHandlers(), logging.getLogger("other").hasHandlers())
log.debug("below the handler's level", extra={"request": 0})
log.info("handled", extra={"request": 1})


class OnlyEven(logging.Filter):
    def filter(self, record):
        return record.request % 2 == 0


handler.addFilter(OnlyEven())
for i in range(4):
    log.info("filtered %d", i, extra={"request": i})

adapter = logging.LoggerAdapter(log, {"request": 42})
adapter.info("through the adapter")
print(repr(adapter))

try:
    {}["missing"]
except KeyError:
    log.error("lookup failed", exc_info=True, extra={"request": 2})

handler.removeFilter(handler.filters[0])
svc.removeHandler(handler)
stamp = logging.StreamHandler(sys.stdout)
stamp.setFormatter(Portable("%(asctime)s.%(msecs)03d %(message)s", datefmt="%M:%S"))
svc.addHandler(stamp)


async def tick(n):
    for _ in range(n):
        await asyncio.sleep(0.3)
        log.info("tick")
    try:
        raise RuntimeError("inside a task")
    except RuntimeError as exc:
        log.warning("caught", exc_info=exc)


asyncio.run(tick(4))
try:
    logging.getLogger().setLevel("LOUD")
except ValueError as exc:
    print(exc)
try:
    logging.basicConfig(colour=True)
except ValueError as exc:
    print(exc)
logging.basicConfig(format="%(levelname)s %(message)s", stream=sys.stdout)
logging.warning("root configured")
logging.basicConfig(format="%(message)s ignored")
logging.error("same handler")
print(logging.getLogger().handlers)
