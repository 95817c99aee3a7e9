# logging in tasks: getLogger's dotted hierarchy, basicConfig's format with
# asctime on the virtual clock, funcName/lineno, exception(), '{' style,
# propagate, disable, the module-level functions.
import asyncio
import logging
import sys

log = logging.getLogger("app")
child = logging.getLogger("app.db")
print(child.parent is log, log.parent is logging.getLogger(), logging.getLogger() is logging.root)
print(repr(log), repr(child), repr(logging.getLogger()))
print(log.getEffectiveLevel(), log.isEnabledFor(logging.INFO))
log.warning("before config: %s", 42)
log.info("not shown")

log.setLevel(logging.DEBUG)
logging.basicConfig(level=logging.INFO,
                    format="%(asctime)s %(levelname)-8s %(name)s [%(funcName)s:%(lineno)d] %(message)s")
print(logging.getLevelName(10), logging.getLevelName("ERROR"), logging.getLevelName(15))


async def worker(n):
    log.debug("worker %d starting", n)
    await asyncio.sleep(n * 0.25)
    child.info("worker %d done after %.2f", n, n * 0.25)
    if n == 2:
        raise ValueError("bad %d" % n)
    return n


async def main():
    results = await asyncio.gather(*(worker(i) for i in range(3)), return_exceptions=True)
    log.info("results %r", results)
    try:
        await worker(2)
    except ValueError:
        log.exception("worker failed")
    child.setLevel(logging.WARNING)
    child.info("hidden")
    child.error("shown with %(key)s", {"key": "mapping"})
    out = logging.StreamHandler(sys.stdout)
    out.setFormatter(logging.Formatter("{levelname}|{name}|{message}", style="{"))
    child.addHandler(out)
    child.propagate = False
    child.critical("only on stdout")
    print(repr(out))
    logging.disable(logging.ERROR)
    child.error("disabled")
    logging.disable(logging.NOTSET)
    child.error("enabled again")

asyncio.run(main())
logging.info("module level")
fmt = logging.Formatter("%(asctime)s %(msecs)03d %(created).3f %(module)s %(filename)s %(threadName)s", datefmt="%H:%M:%S")
rec = logging.LogRecord("x", logging.INFO, "/a/b/c.py", 3, "m", (), None)
print(fmt.format(rec))
