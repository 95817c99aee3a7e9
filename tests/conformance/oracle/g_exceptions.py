"""(g) Exception-class facts and as_completed() argument errors."""
import asyncio
import sys

def qn(c):
    return '%s.%s' % (c.__module__, c.__qualname__)

print('issubclass(CancelledError, Exception):',
      issubclass(asyncio.CancelledError, Exception))
print('issubclass(CancelledError, BaseException):',
      issubclass(asyncio.CancelledError, BaseException))
print('asyncio.TimeoutError is TimeoutError:',
      asyncio.TimeoutError is TimeoutError)
print('issubclass(asyncio.TimeoutError, TimeoutError):',
      issubclass(asyncio.TimeoutError, TimeoutError))
for name in ('CancelledError', 'TimeoutError', 'InvalidStateError',
             'QueueEmpty'):
    c = getattr(asyncio, name)
    print('asyncio.%s: %s  mro=%s' % (name, qn(c),
          [qn(b) for b in c.__mro__[1:]]))

def probe(label, make_arg):
    async def main():
        arg = make_arg()
        try:
            it = asyncio.as_completed(arg)
        except Exception as e:
            print('%s: raises at CALL: %s(%r)' % (label, type(e).__name__, str(e)))
            if asyncio.iscoroutine(arg):
                arg.close()
            return
        try:
            next(iter(it))
        except Exception as e:
            print('%s: call OK (%s), raises at first next(): %s(%r)'
                  % (label, type(it).__name__, type(e).__name__, str(e)))
        else:
            print('%s: no error at call or first next()' % label)
        if asyncio.iscoroutine(arg):
            arg.close()
    asyncio.run(main())

async def coro():
    pass

probe('as_completed(<Future>)', lambda: asyncio.get_running_loop().create_future())
probe('as_completed(<coroutine>)', coro)
probe('as_completed(5)', lambda: 5)
probe('as_completed(<Task>)', lambda: asyncio.ensure_future(coro()))
