# Attributes a logging.Filter sets on a record (a request id kept in a
# ContextVar, per task) are fields the format string can name, as extra=
# ones are; extra= may not overwrite a record's own attribute.
import asyncio
import contextvars
import logging
import sys

request = contextvars.ContextVar("request", default="-")


class AddRequest(logging.Filter):
    def filter(self, record):
        record.request = request.get()
        return record.levelno >= logging.INFO


handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("[%(request)s] %(levelname)-7s %(name)s: %(message)s"))
log = logging.getLogger("shop")
log.addHandler(handler)
log.addFilter(AddRequest())
log.setLevel(logging.DEBUG)


async def checkout(rid, items):
    request.set(rid)
    log.debug("not shown")
    log.info("basket of %d", len(items))
    await asyncio.sleep(0.1 * len(items))
    log.warning("paid %s", sum(items))


async def main():
    log.info("open")
    await asyncio.gather(checkout("a1", [3, 4]), checkout("b2", [10]))
    log.info("closed, request is %s", request.get())
    other = logging.getLogger("audit")
    audit = logging.StreamHandler(sys.stdout)
    audit.setFormatter(logging.Formatter("%(user)s did %(message)s"))
    other.addHandler(audit)
    other.warning("a refund", extra={"user": "kim"})
    try:
        other.warning("again", extra={"lineno": 3})
    except KeyError as e:
        print("KeyError:", e)
    record = logging.makeLogRecord({"msg": "made", "user": "lee", "levelno": 30})
    print(audit.format(record))


asyncio.run(main())
