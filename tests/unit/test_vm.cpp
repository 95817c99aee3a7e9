// The interpreter (model/lang: symtable, compiler, eval loop, functions,
// coroutines, tracebacks) running small programs. Each "vm program" case runs
// a program and compares what it printed and the traceback it ended with
// against real CPython 3.12.1 (`python3.12 FILE`, the path in the comment);
// frames of asyncio's own code (asyncio/runners.py...) name CPython's Lib
// folder as `<asim>`, as a run with no installed CPython does.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <memory>
#include <string>

#include "model/asyncio/version_profile.hpp"
#include "model/lang/function.hpp"
#include "model/lang/interpreter.hpp"
#include "model/modules/session.hpp"
#include "model/runtime/builtins.hpp"
#include "model/runtime/coroutine.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/native_coroutine.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"
#include "model/scenario/run.hpp"

namespace {

using asim::runtime::PyError;
using asim::runtime::Ref;
using asim::runtime::Value;
namespace lang = asim::lang;
namespace runtime = asim::runtime;

struct Outcome {
  std::string out;  // what the program printed
  std::string err;  // warnings, then the traceback of an uncaught exception
  std::string diagnostic;  // a compile-time error, rendered
  std::uint64_t instructions = 0;
};

// Runs `text` as the file `path` under Python 3.12, with the asyncio, sys and
// asim modules of a modules::Session.
Outcome run_program(const std::string& path, const std::string& text, lang::LangLimits limits = {},
                    const std::function<void(runtime::Module&)>& setup = {}) {
  Outcome r;
  auto source = std::make_shared<const lang::Source>(path, text);
  runtime::Runtime rt;
  rt.warning_sink = [&](const std::string& w) { r.err += w + "\n"; };
  asim::modules::Session session({asim::asyncio::profile("3.12")}, [&](std::string_view s) { r.out += s; },
                                 [&](std::string_view s) { r.err += s; });
  auto builtins = runtime::make_builtins_module([&](std::string_view s) { r.out += s; });
  lang::Interpreter interpreter(source, builtins, session, limits);
  if (setup) setup(*interpreter.main_module());
  try {
    interpreter.run_module();
  } catch (PyError& e) {
    r.err += interpreter.format_exception(e);
  } catch (lang::Diagnostic& d) {
    r.diagnostic = d.message();
  }
  r.instructions = interpreter.instructions();
  return r;
}

}  // namespace

// CPython 3.12.1: python3.12 /tmp/vmx/t/basics.py
TEST_CASE("vm program: basics", "[vm]") {
  const auto r = run_program("/tmp/vmx/t/basics.py", R"PY(x = 7
y = 2
print(x + y, x - y, x * y, x / y, x // y, x % y, x ** y, -x)
print(x > y, x == 7, not x, x and y, 0 or "z", None or 0)
name = "asim"
print(f"{name!r} has {len(name)} letters, pi={3.14159:.2f}, {x:>4}|{y:<3}|")
print(__name__ == "__main__", __name__)
s = [1, 2, 3, 4, 5]
print(s[1:3], s[::-1], s[-1], s[:2], s[3:])
t = (1,)
print(t, (), [], {}, {1: 'a'}, "a" "b")
print(1 if x > 5 else 2, 3 if x < 5 else 4)
print(1 < x < 10, 1 < x > 10, x < 10 < 5)
)PY");
  CHECK(r.out == R"OUT(9 5 14 3.5 3 1 49 -7
True True False 2 z 0
'asim' has 4 letters, pi=3.14,    7|2  |
True __main__
[2, 3] [5, 4, 3, 2, 1] 5 [1, 2] [4, 5]
(1,) () [] {} {1: 'a'} ab
1 4
True False False
)OUT");
  CHECK(r.err == R"ERR()ERR");
}

// CPython 3.12.1: python3.12 /tmp/vmx/t/functions.py
TEST_CASE("vm program: functions", "[vm]") {
  const auto r = run_program("/tmp/vmx/t/functions.py", R"PY(def f(a, b=2, *args, k=3, **kw):
    return (a, b, args, k, kw)
print(f(1))
print(f(1, 5, 6, 7, k=8, z=9))
print(f(*[1, 2, 3], **{'k': 4}))
def g(a, /, b, *, c):
    return a + b + c
print(g(1, 2, c=3), g(1, b=2, c=3))
for call in [lambda: f(), lambda: g(1, 2, 3), lambda: g(1, 2), lambda: f(1, a=2), lambda: g(a=1, b=2, c=3), lambda: f(1, 2, foo=1, k=1, kw=2)]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
add = lambda x, y=10: x + y
print(add(1), add(1, 2), (lambda: 42)())
def deco(fn):
    def wrapper(*a):
        return ("wrapped", fn(*a))
    return wrapper
@deco
def h(x):
    return x * 2
print(h(21), h.__qualname__)
print(f.__name__, g.__qualname__)
)PY");
  CHECK(r.out == R"OUT((1, 2, (), 3, {})
(1, 5, (6, 7), 8, {'z': 9})
(1, 2, (3,), 4, {})
6 6
TypeError: f() missing 1 required positional argument: 'a'
TypeError: g() takes 2 positional arguments but 3 were given
TypeError: g() missing 1 required keyword-only argument: 'c'
TypeError: f() got multiple values for argument 'a'
TypeError: g() got some positional-only arguments passed as keyword arguments: 'a'
(1, 2, (), 1, {'foo': 1, 'kw': 2})
11 3 42
('wrapped', 42) deco.<locals>.wrapper
f g
)OUT");
  CHECK(r.err == R"ERR()ERR");
}

// CPython 3.12.1: python3.12 /tmp/vmx/t/closures.py
TEST_CASE("vm program: closures", "[vm]") {
  const auto r = run_program("/tmp/vmx/t/closures.py", R"PY(def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c = counter()
print(c(), c(), c(10))
total = 0
def add(v):
    global total
    total += v
add(5); add(6)
print(total)
def outer():
    x = 1
    def middle():
        def inner():
            return x
        return inner
    return middle()()
print(outer())
fs = [lambda i=i: i * i for i in range(4)]
print([f() for f in fs])
def make():
    items = []
    def push(v):
        items.append(v)
        return len(items)
    return push, items
push, items = make()
push(1); push(2)
print(items)
)PY");
  CHECK(r.out == R"OUT(1 2 12
11
1
[0, 1, 4, 9]
[1, 2]
)OUT");
  CHECK(r.err == R"ERR()ERR");
}

// CPython 3.12.1: python3.12 /tmp/vmx/t/loops.py
TEST_CASE("vm program: loops", "[vm]") {
  const auto r = run_program("/tmp/vmx/t/loops.py", R"PY(for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
else:
    print("not reached")
for i in range(3):
    pass
else:
    print("for else", i)
n = 0
while n < 5:
    n += 1
    if n == 3:
        continue
    print("n", n)
else:
    print("while else")
while True:
    n -= 1
    if n < 2:
        break
print("final", n)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
for k, v in {"a": 1, "b": 2}.items():
    print(k, v)
)PY");
  CHECK(r.out == R"OUT(even 0
even 2
even 4
even 6
for else 2
n 1
n 2
n 4
n 5
while else
final 1
0 1 2
1 3 4
a 1
b 2
)OUT");
  CHECK(r.err == R"ERR()ERR");
}

// CPython 3.12.1: python3.12 /tmp/vmx/t/try_except.py
TEST_CASE("vm program: try_except", "[vm]") {
  const auto r = run_program("/tmp/vmx/t/try_except.py", R"PY(def f(x):
    try:
        print("try", x)
        if x == 1:
            raise ValueError("one")
        if x == 2:
            return "early"
        if x == 3:
            {}["missing"]
    except ValueError as e:
        print("caught", repr(e))
        return "from except"
    except (KeyError, IndexError) as e:
        print("lookup", type(e).__name__, e)
    else:
        print("else")
    finally:
        print("finally", x)
    return "end"
for x in range(4):
    print(f(x))
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("cleanup", i)
    return i
print(g())
def h():
    try:
        return 1
    finally:
        return 2
print(h())
try:
    try:
        1 / 0
    finally:
        print("inner finally")
except ZeroDivisionError as e:
    print("outer", e)
try:
    e
except NameError as err:
    print(err)
)PY");
  CHECK(r.out == R"OUT(try 0
else
finally 0
end
try 1
caught ValueError('one')
finally 1
from except
try 2
finally 2
early
try 3
lookup KeyError 'missing'
finally 3
end
cleanup 0
cleanup 1
cleanup 2
2
2
inner finally
outer division by zero
name 'e' is not defined
)OUT");
  CHECK(r.err == R"ERR()ERR");
}

// CPython 3.12.1: python3.12 /tmp/vmx/t/exc_classes.py
TEST_CASE("vm program: exc_classes", "[vm]") {
  const auto r = run_program("/tmp/vmx/t/exc_classes.py", R"PY(class AppError(Exception):
    pass
class DbError(AppError):
    code = 42
print(AppError, DbError.code, issubclass(DbError, AppError), issubclass(DbError, Exception))
e = DbError("disk", 3)
print(repr(e), str(e), e.args, isinstance(e, AppError))
try:
    raise DbError("boom")
except AppError as err:
    print("caught", type(err).__name__, err)
try:
    raise AppError
except Exception as err:
    print(repr(err))
def check(v):
    assert v > 0, f"bad value {v}"
    return v
try:
    check(-1)
except AssertionError as err:
    print("assert:", err)
try:
    assert False
except AssertionError as err:
    print("bare assert:", repr(err))
)PY");
  CHECK(r.out == R"OUT(<class '__main__.AppError'> 42 True True
DbError('disk', 3) ('disk', 3) ('disk', 3) True
caught DbError boom
AppError()
assert: bad value -1
bare assert: AssertionError()
)OUT");
  CHECK(r.err == R"ERR()ERR");
}

// CPython 3.12.1: python3.12 /tmp/vmx/t/unpacking.py
TEST_CASE("vm program: unpacking", "[vm]") {
  const auto r = run_program("/tmp/vmx/t/unpacking.py", R"PY(a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = (3, 4), 5
print(x, y, z)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abc"
print(init, last)
h, *m, t = range(5)
print(h, m, t)
def bad(n):
    if n == 0:
        a, b = [1, 2, 3]
    elif n == 1:
        a, b, c = (1, 2)
    elif n == 2:
        a, *b, c = [1]
    else:
        a, b = 5
for n in range(4):
    try:
        bad(n)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
d = {}
d["k"] = 1
d["k"] += 5
lst = [1, 2, 3]
lst[0] *= 10
lst += [4]
class Box:
    pass
box = Box()
box.v = 1
box.v += 1
print(d, lst, box.v)
del lst[0]
del d["k"]
print(lst, d)
)PY");
  CHECK(r.out == R"OUT(2 1
3 4 5
1 [2, 3, 4]
['a', 'b'] c
0 [1, 2, 3] 4
ValueError too many values to unpack (expected 2)
ValueError not enough values to unpack (expected 3, got 2)
ValueError not enough values to unpack (expected at least 2, got 1)
TypeError cannot unpack non-iterable int object
{'k': 6} [10, 2, 3, 4] 2
[2, 3, 4] {}
)OUT");
  CHECK(r.err == R"ERR()ERR");
}

// CPython 3.12.1: python3.12 /tmp/vmx/t/comprehensions.py
TEST_CASE("vm program: comprehensions", "[vm]") {
  const auto r = run_program("/tmp/vmx/t/comprehensions.py", R"PY(xs = [3, 1, 2, 5, 4]
print([x * 2 for x in xs if x % 2])
print({x % 3 for x in xs})
print({x: x * x for x in xs if x > 2})
print([(i, j) for i in range(3) for j in range(i)])
print(sum(x for x in xs), max(x * 2 for x in xs))
print(sorted(xs, key=lambda v: -v))
matrix = [[1, 2], [3, 4]]
print([[row[i] for row in matrix] for i in range(2)])
print([y for x in xs if (y := x * 10) > 20])
print(y)
)PY");
  CHECK(r.out == R"OUT([6, 2, 10]
{0, 1, 2}
{3: 9, 5: 25, 4: 16}
[(1, 0), (2, 0), (2, 1)]
15 10
[5, 4, 3, 2, 1]
[[1, 3], [2, 4]]
[30, 50, 40]
40
)OUT");
  CHECK(r.err == R"ERR()ERR");
}

// CPython 3.12.1: python3.12 /tmp/vmx/t/names.py
TEST_CASE("vm program: names", "[vm]") {
  const auto r = run_program("/tmp/vmx/t/names.py", R"PY(def f():
    print(v)
    v = 1
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def g():
    del w
try:
    g()
except NameError as e:
    print(type(e).__name__, e)
try:
    undefined_thing
except NameError as e:
    print(e)
x = 1
del x
try:
    print(x)
except NameError as e:
    print(e)
import nosuchmodule
)PY");
  CHECK(r.out == R"OUT(UnboundLocalError cannot access local variable 'v' where it is not associated with a value
UnboundLocalError cannot access local variable 'w' where it is not associated with a value
name 'undefined_thing' is not defined
name 'x' is not defined
)OUT");
  CHECK(r.err == R"ERR(Traceback (most recent call last):
  File "/tmp/vmx/t/names.py", line 24, in <module>
    import nosuchmodule
ModuleNotFoundError: No module named 'nosuchmodule'
)ERR");
}

// CPython 3.12.1: python3.12 /tmp/vmx/t/traceback_chain.py
TEST_CASE("vm program: traceback_chain", "[vm]") {
  const auto r = run_program("/tmp/vmx/t/traceback_chain.py", R"PY(def parse(text):
    return int(text)
def load(d):
    try:
        return d["key"]
    except KeyError:
        return parse("x" + "y")
load({})
)PY");
  CHECK(r.out == R"OUT()OUT");
  CHECK(r.err == R"ERR(Traceback (most recent call last):
  File "/tmp/vmx/t/traceback_chain.py", line 5, in load
    return d["key"]
           ~^^^^^^^
KeyError: 'key'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/tmp/vmx/t/traceback_chain.py", line 8, in <module>
    load({})
  File "/tmp/vmx/t/traceback_chain.py", line 7, in load
    return parse("x" + "y")
           ^^^^^^^^^^^^^^^^
  File "/tmp/vmx/t/traceback_chain.py", line 2, in parse
    return int(text)
           ^^^^^^^^^
ValueError: invalid literal for int() with base 10: 'xy'
)ERR");
}

// CPython 3.12.1: python3.12 /tmp/vmx/t/traceback_cause.py
TEST_CASE("vm program: traceback_cause", "[vm]") {
  const auto r = run_program("/tmp/vmx/t/traceback_cause.py", R"PY(class ConfigError(Exception):
    pass
def read(path):
    raise OSError(f"{path} is missing")
def configure():
    try:
        read("/etc/app")
    except OSError as e:
        raise ConfigError("cannot configure") from e
configure()
)PY");
  CHECK(r.out == R"OUT()OUT");
  CHECK(r.err == R"ERR(Traceback (most recent call last):
  File "/tmp/vmx/t/traceback_cause.py", line 7, in configure
    read("/etc/app")
  File "/tmp/vmx/t/traceback_cause.py", line 4, in read
    raise OSError(f"{path} is missing")
OSError: /etc/app is missing

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "/tmp/vmx/t/traceback_cause.py", line 10, in <module>
    configure()
  File "/tmp/vmx/t/traceback_cause.py", line 9, in configure
    raise ConfigError("cannot configure") from e
ConfigError: cannot configure
)ERR");
}

// CPython 3.12.1: python3.12 /tmp/vmx/t/traceback_carets.py
TEST_CASE("vm program: traceback_carets", "[vm]") {
  const auto r = run_program("/tmp/vmx/t/traceback_carets.py", R"PY(def ratio(a, b):
    return a / b
def main():
    values = {"a": 1}
    total = ratio(values["a"], 0) + 1
    print(total)
main()
)PY");
  CHECK(r.out == R"OUT()OUT");
  CHECK(r.err == R"ERR(Traceback (most recent call last):
  File "/tmp/vmx/t/traceback_carets.py", line 7, in <module>
    main()
  File "/tmp/vmx/t/traceback_carets.py", line 5, in main
    total = ratio(values["a"], 0) + 1
            ^^^^^^^^^^^^^^^^^^^^^
  File "/tmp/vmx/t/traceback_carets.py", line 2, in ratio
    return a / b
           ~~^~~
ZeroDivisionError: division by zero
)ERR");
}

// CPython 3.12.1: python3.12 /tmp/vmx/t/reraise.py
TEST_CASE("vm program: reraise", "[vm]") {
  const auto r = run_program("/tmp/vmx/t/reraise.py", R"PY(def f():
    try:
        raise ValueError("first")
    except ValueError:
        print("handling")
        raise
try:
    f()
except ValueError as e:
    print("outer got", e)
try:
    raise
except RuntimeError as e:
    print(e)
def g():
    try:
        1 / 0
    except ZeroDivisionError as e:
        err = e
    raise err
g()
)PY");
  CHECK(r.out == R"OUT(handling
outer got first
No active exception to reraise
)OUT");
  CHECK(r.err == R"ERR(Traceback (most recent call last):
  File "/tmp/vmx/t/reraise.py", line 21, in <module>
    g()
  File "/tmp/vmx/t/reraise.py", line 20, in g
    raise err
  File "/tmp/vmx/t/reraise.py", line 17, in g
    1 / 0
    ~~^~~
ZeroDivisionError: division by zero
)ERR");
}

// CPython 3.12.1: python3.12 /tmp/vmx/t/recursion.py
TEST_CASE("vm program: recursion", "[vm]") {
  const auto r = run_program("/tmp/vmx/t/recursion.py", R"PY(def down(n):
    return down(n + 1)
down(0)
)PY");
  CHECK(r.out == R"OUT()OUT");
#ifdef ASIM_NO_POOL
  // Sanitizer builds have larger C++ frames: the stack guard stops sooner.
  CHECK(r.err.substr(r.err.rfind("RecursionError")) == "RecursionError: maximum recursion depth exceeded\n");
  return;
#endif
  CHECK(r.err == R"ERR(Traceback (most recent call last):
  File "/tmp/vmx/t/recursion.py", line 3, in <module>
    down(0)
  File "/tmp/vmx/t/recursion.py", line 2, in down
    return down(n + 1)
           ^^^^^^^^^^^
  File "/tmp/vmx/t/recursion.py", line 2, in down
    return down(n + 1)
           ^^^^^^^^^^^
  File "/tmp/vmx/t/recursion.py", line 2, in down
    return down(n + 1)
           ^^^^^^^^^^^
  [Previous line repeated 996 more times]
RecursionError: maximum recursion depth exceeded
)ERR");
}

// CPython 3.12.1: python3.12 /tmp/vmx/t/async_basic.py
TEST_CASE("vm program: async_basic", "[vm]") {
  const auto r = run_program("/tmp/vmx/t/async_basic.py", R"PY(import asyncio
async def square(x):
    await asyncio.sleep(0.01 * x)
    return x * x
async def main():
    r = await square(3)
    print("await:", r)
    results = await asyncio.gather(*[square(i) for i in range(4)])
    print("gather:", results)
    print("listcomp:", [await square(i) for i in range(3)])
    t = asyncio.create_task(square(5))
    print("task:", await t)
    c = square(1)
    print(type(c).__name__, c.__qualname__)
    await c
    return "done"
print(asyncio.run(main()))
)PY");
  CHECK(r.out == R"OUT(await: 9
gather: [0, 1, 4, 9]
listcomp: [0, 1, 4]
task: 25
coroutine square
done
)OUT");
  CHECK(r.err == R"ERR()ERR");
}

// CPython 3.12.1: python3.12 /tmp/vmx/t/async_exceptions.py
TEST_CASE("vm program: async_exceptions", "[vm]") {
  const auto r = run_program("/tmp/vmx/t/async_exceptions.py", R"PY(import asyncio
async def worker(name, delay):
    try:
        await asyncio.sleep(delay)
        if name == "bad":
            raise ValueError(f"{name} failed")
        return name
    finally:
        print("worker exit", name)
async def main():
    try:
        await worker("bad", 0.01)
    except ValueError as e:
        print("caught", e)
    t = asyncio.create_task(worker("slow", 10))
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.cancelled())
    await worker("bad", 0)
asyncio.run(main())
)PY");
  CHECK(r.out == R"OUT(worker exit bad
caught bad failed
worker exit slow
cancelled True
worker exit bad
)OUT");
  CHECK(r.err == R"ERR(Traceback (most recent call last):
  File "/tmp/vmx/t/async_exceptions.py", line 23, in <module>
    asyncio.run(main())
  File "<asim>/asyncio/runners.py", line 194, in run
    return runner.run(main)
           ^^^^^^^^^^^^^^^^
  File "<asim>/asyncio/runners.py", line 118, in run
    return self._loop.run_until_complete(task)
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "<asim>/asyncio/base_events.py", line 684, in run_until_complete
    return future.result()
           ^^^^^^^^^^^^^^^
  File "/tmp/vmx/t/async_exceptions.py", line 22, in main
    await worker("bad", 0)
  File "/tmp/vmx/t/async_exceptions.py", line 6, in worker
    raise ValueError(f"{name} failed")
ValueError: bad failed
)ERR");
}

// CPython 3.12.1: python3.12 /tmp/vmx/t/async_for_with.py
TEST_CASE("vm program: async_for_with", "[vm]") {
  const auto r = run_program("/tmp/vmx/t/async_for_with.py", R"PY(import asyncio
class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await asyncio.sleep(0)
        return self.i
class Resource:
    async def __aenter__(self):
        print("enter")
        return self
    async def __aexit__(self, exc_type, exc, tb):
        print("exit", exc_type.__name__ if exc_type else None)
        return exc_type is KeyError
async def use():
    async with Resource() as r:
        print("inside", type(r).__name__)
    async with Resource():
        raise KeyError("suppressed")
    print("after suppress")
    for i in range(3):
        async with Resource():
            if i == 1:
                break
    async with Resource():
        return "returned"
async def main():
    async for v in Ticker(3):
        print("tick", v)
    else:
        print("ticker done")
    print([v async for v in Ticker(2)])
    print(await use())
    try:
        async for v in [1, 2]:
            pass
    except TypeError as e:
        print(e)
    try:
        async with Ticker(1):
            pass
    except TypeError as e:
        print(e)
asyncio.run(main())
)PY");
  CHECK(r.out == R"OUT(tick 1
tick 2
tick 3
ticker done
[1, 2]
enter
inside Resource
exit None
enter
exit KeyError
after suppress
enter
exit None
enter
exit None
enter
exit None
returned
'async for' requires an object with __aiter__ method, got list
'Ticker' object does not support the asynchronous context manager protocol
)OUT");
  CHECK(r.err == R"ERR()ERR");
}

// CPython 3.12.1: python3.12 /tmp/vmx/t/async_traceback.py
TEST_CASE("vm program: async_traceback", "[vm]") {
  const auto r = run_program("/tmp/vmx/t/async_traceback.py", R"PY(import asyncio
async def work():
    await asyncio.sleep(0.01)
    raise ValueError("bad")
async def main():
    try:
        r = await work()
    except ValueError as e:
        raise RuntimeError("wrapped") from e
asyncio.run(main())
)PY");
  CHECK(r.out == R"OUT()OUT");
  CHECK(r.err == R"ERR(Traceback (most recent call last):
  File "/tmp/vmx/t/async_traceback.py", line 7, in main
    r = await work()
        ^^^^^^^^^^^^
  File "/tmp/vmx/t/async_traceback.py", line 4, in work
    raise ValueError("bad")
ValueError: bad

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "/tmp/vmx/t/async_traceback.py", line 10, in <module>
    asyncio.run(main())
  File "<asim>/asyncio/runners.py", line 194, in run
    return runner.run(main)
           ^^^^^^^^^^^^^^^^
  File "<asim>/asyncio/runners.py", line 118, in run
    return self._loop.run_until_complete(task)
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "<asim>/asyncio/base_events.py", line 684, in run_until_complete
    return future.result()
           ^^^^^^^^^^^^^^^
  File "/tmp/vmx/t/async_traceback.py", line 9, in main
    raise RuntimeError("wrapped") from e
RuntimeError: wrapped
)ERR");
}

// CPython 3.12.1: python3.12 /tmp/vmx/t/classes.py
TEST_CASE("vm program: classes", "[vm]") {
  const auto r = run_program("/tmp/vmx/t/classes.py", R"PY(class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def moved(self, dx=0, dy=0):
        return Point(self.x + dx, self.y + dy)
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(3, 4)
print(p, p.norm2(), p.moved(dy=1), Point.dims, p.dims)
class Point3(Point):
    dims = 3
    def norm2(self):
        return 100
print(Point3(1, 2).norm2(), Point3(1, 2).moved(1), Point3.dims)
def factory():
    class Local:
        pass
    return Local
print(factory().__qualname__)
)PY");
  CHECK(r.out == R"OUT(Point(3, 4) 25 Point(3, 5) 2 2
100 Point(2, 2) 3
factory.<locals>.Local
)OUT");
  CHECK(r.err == R"ERR()ERR");
}

// CPython 3.12.1: python3.12 /tmp/vmx/t/suggestions.py
TEST_CASE("vm program: suggestions", "[vm]") {
  const auto r = run_program("/tmp/vmx/t/suggestions.py", R"PY(class Account:
    def __init__(self):
        self.balance = 10
    def show(self):
        try:
            return balance
        except NameError as e:
            print("NameError:", e)
Account().show()
total = 1
def f():
    return totl + 1
try:
    f()
except NameError as e:
    print(e)
def main():
    asyncio.sleep(1)
main()
)PY");
  CHECK(r.out == R"OUT(NameError: name 'balance' is not defined
name 'totl' is not defined
)OUT");
  CHECK(r.err == R"ERR(Traceback (most recent call last):
  File "/tmp/vmx/t/suggestions.py", line 19, in <module>
    main()
  File "/tmp/vmx/t/suggestions.py", line 18, in main
    asyncio.sleep(1)
    ^^^^^^^
NameError: name 'asyncio' is not defined. Did you forget to import 'asyncio'?
)ERR");
}

// CPython 3.12.1: python3.12 /tmp/vmx/t/fstring_genexp_traceback.py
TEST_CASE("vm program: fstring_genexp_traceback", "[vm]") {
  const auto r = run_program("/tmp/vmx/t/fstring_genexp_traceback.py", R"PY(data = {"k": [1, 2]}
def f():
    return data["k"][5]
def g():
    return f"{f()}"
def k(xs):
    print(max(*(x * 2 for x in xs), 0), sum(10 // x for x in xs))
    try:
        return (1 +
                g())
    finally:
        print("k done")
try:
    k([0])
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    k([3])
except IndexError as e:
    print(type(e).__name__, e)
print(sum(10 // x for x in [1, 0]))
)PY");
  CHECK(r.out == R"OUT(ZeroDivisionError integer division or modulo by zero
6 3
k done
IndexError list index out of range
)OUT");
  CHECK(r.err == R"ERR(Traceback (most recent call last):
  File "/tmp/vmx/t/fstring_genexp_traceback.py", line 21, in <module>
    print(sum(10 // x for x in [1, 0]))
          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/tmp/vmx/t/fstring_genexp_traceback.py", line 21, in <genexpr>
    print(sum(10 // x for x in [1, 0]))
              ~~~^^~~
ZeroDivisionError: integer division or modulo by zero
)ERR");
}

// CPython 3.12.1: python3.12 /tmp/vmx/t/warnings_never_awaited.py (stderr: the "never awaited" warnings
// name the line running when the coroutine was freed, or sys:1 at exit; a
// coroutine held by a frame an exception left lives as long as the exception).
TEST_CASE("vm program: warnings_never_awaited", "[vm]") {
  const auto r = run_program("/tmp/vmx/t/warnings_never_awaited.py", R"PY(import asyncio
async def job():
    pass
def f():
    c = job()
    raise ValueError("x")
try:
    f()
except ValueError:
    print("caught")
async def main():
    asyncio.sleep(1)
    print("after")
asyncio.run(main())
asyncio.create_task(job())
)PY");
  CHECK(r.out == R"OUT(caught
after
)OUT");
  CHECK(r.err == R"ERR(/tmp/vmx/t/warnings_never_awaited.py:10: RuntimeWarning: coroutine 'job' was never awaited
  print("caught")
RuntimeWarning: Enable tracemalloc to get the object allocation traceback
/tmp/vmx/t/warnings_never_awaited.py:12: RuntimeWarning: coroutine 'sleep' was never awaited
  asyncio.sleep(1)
RuntimeWarning: Enable tracemalloc to get the object allocation traceback
Traceback (most recent call last):
  File "/tmp/vmx/t/warnings_never_awaited.py", line 15, in <module>
    asyncio.create_task(job())
  File "<asim>/asyncio/tasks.py", line 417, in create_task
    loop = events.get_running_loop()
           ^^^^^^^^^^^^^^^^^^^^^^^^^
RuntimeError: no running event loop
sys:1: RuntimeWarning: coroutine 'job' was never awaited
RuntimeWarning: Enable tracemalloc to get the object allocation traceback
)ERR");
}

// Messages and tracebacks of earlier versions (LanguageFeatures from the version profile).
TEST_CASE("vm: messages and tracebacks follow the Python version", "[vm]") {
  const std::string path = "/tmp/vmx/c/v1.py";
  const std::string program = R"PY(class A:
    def m(self, x):
        return x
def f():
    print(v)
    v = 1
try:
    A().m()
except TypeError as e:
    print(e)
try:
    f()
except UnboundLocalError as e:
    print(e)
def g():
    return totl
total = 1
g()
)PY";
  {
    // python3.9 /tmp/vmx/c/v1.py
    lang::LangLimits limits;
    limits.features = asim::asyncio::profile("3.9").language;
    const auto r = run_program(path, program, limits);
    CHECK(r.out == R"OUT(m() missing 1 required positional argument: 'x'
local variable 'v' referenced before assignment
)OUT");
    CHECK(r.err == R"ERR(Traceback (most recent call last):
  File "/tmp/vmx/c/v1.py", line 18, in <module>
    g()
  File "/tmp/vmx/c/v1.py", line 16, in g
    return totl
NameError: name 'totl' is not defined
)ERR");
  }
  {
    // python3.10 /tmp/vmx/c/v1.py
    lang::LangLimits limits;
    limits.features = asim::asyncio::profile("3.10").language;
    const auto r = run_program(path, program, limits);
    CHECK(r.out == R"OUT(A.m() missing 1 required positional argument: 'x'
local variable 'v' referenced before assignment
)OUT");
    CHECK(r.err == R"ERR(Traceback (most recent call last):
  File "/tmp/vmx/c/v1.py", line 18, in <module>
    g()
  File "/tmp/vmx/c/v1.py", line 16, in g
    return totl
NameError: name 'totl' is not defined. Did you mean: 'total'?
)ERR");
  }
  {
    // python3.11 /tmp/vmx/c/v1.py
    lang::LangLimits limits;
    limits.features = asim::asyncio::profile("3.11").language;
    const auto r = run_program(path, program, limits);
    CHECK(r.out == R"OUT(A.m() missing 1 required positional argument: 'x'
cannot access local variable 'v' where it is not associated with a value
)OUT");
    CHECK(r.err == R"ERR(Traceback (most recent call last):
  File "/tmp/vmx/c/v1.py", line 18, in <module>
    g()
  File "/tmp/vmx/c/v1.py", line 16, in g
    return totl
           ^^^^
NameError: name 'totl' is not defined. Did you mean: 'total'?
)ERR");
  }
}

// ------------------------------------------------------------------------
// Interpreted coroutines driven directly through send / throw / close, and
// the native protocols (runtime::AsyncIterator, runtime::AsyncContextManager).

namespace {

using runtime::Coro;

// tick(v): a native coroutine that suspends once (a bare yield, as
// asyncio.sleep(0) does) and returns v * 10.
Coro tick_body(Value v) {
  co_await runtime::yield_now();
  co_return Value::integer(v.as_int() * 10);
}

// An asynchronous iterator counting down from n; each step suspends once.
class Countdown : public runtime::Object, public runtime::AsyncIterator {
 public:
  explicit Countdown(int n) : n(n) {}
  std::string_view type_name() const override { return "Countdown"; }
  Ref<runtime::Coroutine> anext() override { return runtime::native("Countdown.__anext__", step(this)); }
  static Coro step(Countdown* self) {
    if (self->n == 0) runtime::raise(runtime::Runtime::current().builtins.StopAsyncIteration, "");
    co_await runtime::yield_now();
    co_return Value::integer(self->n--);
  }
  int n;
};

// An asynchronous context manager that logs, and suppresses KeyError.
class Guard : public runtime::Object, public runtime::AsyncContextManager {
 public:
  explicit Guard(std::string* log) : log(log) {}
  std::string_view type_name() const override { return "Guard"; }
  Ref<runtime::Coroutine> aenter() override { return runtime::native("Guard.__aenter__", enter(this)); }
  Ref<runtime::Coroutine> aexit(Ref<runtime::PyException> exc) override {
    return runtime::native("Guard.__aexit__", exit(this, std::move(exc)));
  }
  static Coro enter(Guard* self) {
    *self->log += "enter;";
    co_await runtime::yield_now();
    co_return Value::str("resource");
  }
  static Coro exit(Guard* self, Ref<runtime::PyException> exc) {
    *self->log += "exit " + (exc ? exc->type->name : std::string("None")) + ";";
    co_await runtime::yield_now();
    co_return Value::boolean(exc && exc->isinstance(runtime::Runtime::current().builtins.KeyError.get()));
  }
  std::string* log;
};

struct Driven {
  runtime::Runtime rt;
  std::string out, log;
  std::vector<std::string> warnings;
  std::unique_ptr<asim::modules::Session> session;
  Ref<runtime::Module> builtins;
  std::unique_ptr<lang::Interpreter> interpreter;

  explicit Driven(const std::string& text) {
    rt.warning_sink = [this](const std::string& w) { warnings.push_back(w); };
    session = std::make_unique<asim::modules::Session>(asim::modules::SessionConfig{asim::asyncio::profile("3.12")},
                                                       [this](std::string_view s) { out += s; },
                                                       [this](std::string_view s) { out += s; });
    builtins = runtime::make_builtins_module([this](std::string_view s) { out += s; });
    interpreter = std::make_unique<lang::Interpreter>(std::make_shared<const lang::Source>("/tmp/driven.py", text),
                                                      builtins, *session);
    auto& g = interpreter->main_module()->dict;
    g["tick"] = Value(runtime::native_function("tick", [](std::span<const Value> args) {
      return Value(runtime::native("tick", tick_body(args[0])));
    }));
    g["Countdown"] = Value(runtime::native_function("Countdown", [](std::span<const Value> args) {
      return Value(runtime::make<Countdown>(static_cast<int>(args[0].as_int())));
    }));
    g["Guard"] = Value(runtime::native_function("Guard", [this](std::span<const Value>) {
      return Value(runtime::make<Guard>(&log));
    }));
    interpreter->run_module();
  }
  ~Driven() {
    interpreter.reset();
    builtins.reset();
    session.reset();
  }
  // main(): the coroutine of the module's `async def main`.
  Ref<runtime::Coroutine> main() {
    Value c = runtime::call(interpreter->main_module()->dict.at("main"), {});
    return c.ref<runtime::Coroutine>();
  }
  // Sends None until the coroutine returns; counts its suspensions.
  Value drive(const Ref<runtime::Coroutine>& c, int& suspensions) {
    suspensions = 0;
    for (;;) {
      runtime::Step s = c->send(Value());
      if (s.done) return s.value;
      ++suspensions;
    }
  }
};

}  // namespace

TEST_CASE("vm coroutine: await inside expressions suspends the frame", "[vm]") {
  Driven d(R"PY(
async def main():
    total = 0
    for i in range(3):
        total += await tick(i) + 1
    squares = [await tick(i) for i in range(3)]
    pair = (await tick(1), await tick(2) if total else 0)
    return total, squares, pair
)PY");
  auto c = d.main();
  CHECK(c->repr().rfind("<coroutine object main at 0x", 0) == 0);
  CHECK(c->state_name() == "CORO_CREATED");
  auto* ic = dynamic_cast<lang::InterpretedCoroutine*>(c.get());
  REQUIRE(ic);
  CHECK(ic->filename() == "/tmp/driven.py");
  CHECK(ic->lineno() == 2);  // the def line, before it starts
  CHECK_FALSE(c->send(Value()).done);
  CHECK(c->state_name() == "CORO_SUSPENDED");
  CHECK(ic->lineno() == 5);  // suspended at the first await
  int suspensions = 0;
  Value r = d.drive(c, suspensions);
  ++suspensions;
  CHECK(runtime::to_repr(r) == "(33, [0, 10, 20], (10, 20))");
  CHECK(suspensions == 8);
  CHECK(c->state_name() == "CORO_CLOSED");
}

TEST_CASE("vm coroutine: throw() raises at the await, close() runs finally", "[vm]") {
  Driven d(R"PY(
async def main():
    log = []
    try:
        await tick(1)
    except ValueError as e:
        log.append("caught " + str(e))
    finally:
        log.append("finally")
    try:
        await tick(2)
    finally:
        print("closing")
    return log
)PY");
  auto& b = d.rt.builtins;
  auto c = d.main();
  CHECK_FALSE(c->send(Value()).done);
  runtime::Step s = c->throw_(runtime::new_exception(b.ValueError, "boom"));
  CHECK_FALSE(s.done);  // suspended again, in the second await
  c->close();
  CHECK(d.out == "closing\n");
  CHECK(c->state_name() == "CORO_CLOSED");
  // Thrown into a coroutine that has not started: raised at once.
  auto c2 = d.main();
  CHECK_THROWS_AS(c2->throw_(runtime::new_exception(b.ValueError, "early")), PyError);
  // A finished coroutine cannot be reused.
  auto c3 = d.main();
  int n = 0;
  c3->send(Value());
  CHECK_THROWS_AS(c3->throw_(runtime::new_exception(b.KeyError, "k")), PyError);
  try {
    c3->send(Value());
    FAIL("no error");
  } catch (PyError& e) {
    CHECK(e.exc->message() == "cannot reuse already awaited coroutine");
  }
  (void)n;
}

TEST_CASE("vm coroutine: native async iterators and context managers", "[vm]") {
  Driven d(R"PY(
async def main():
    seen = [v async for v in Countdown(2)]
    async for v in Countdown(3):
        seen.append(v)
        if v == 2:
            break
    async with Guard() as g:
        seen.append(g)
    async with Guard():
        raise KeyError("x")
    try:
        async with Guard():
            raise ValueError("y")
    except ValueError as e:
        seen.append(repr(e))
    return seen
)PY");
  int suspensions = 0;
  Value r = d.drive(d.main(), suspensions);
  CHECK(runtime::to_repr(r) == "[2, 1, 3, 2, 'resource', \"ValueError('y')\"]");
  CHECK(d.log == "enter;exit None;enter;exit KeyError;enter;exit ValueError;");
  CHECK(suspensions == 10);
}

TEST_CASE("vm coroutine: never awaited warning and repr", "[vm]") {
  Driven d(R"PY(
def outer():
    async def inner():
        pass
    return inner
async def main():
    pass
)PY");
  {
    Value f = runtime::call(d.interpreter->main_module()->dict.at("outer"), {});
    Value c = runtime::call(f, {});
    CHECK(runtime::to_repr(c).rfind("<coroutine object outer.<locals>.inner at 0x", 0) == 0);
  }
  REQUIRE(d.warnings.size() == 1);
  CHECK(d.warnings[0].find("coroutine 'outer.<locals>.inner' was never awaited") != std::string::npos);
}

TEST_CASE("vm at scale: 100 000 interpreted coroutines driven round-robin", "[vm]") {
  Driven d(R"PY(
async def w(i):
    x = await tick(i)
    return x + 1
def make(n):
    return [w(i) for i in range(n)]
)PY");
  Value coros = runtime::call(d.interpreter->main_module()->dict.at("make"), std::vector<Value>{Value::integer(100000)});
  auto& items = coros.as<runtime::List>()->items;
  std::int64_t sum = 0;
  for (auto& c : items) CHECK_FALSE(c.as<runtime::Coroutine>()->send(Value()).done);
  for (auto& c : items) {
    runtime::Step s = c.as<runtime::Coroutine>()->send(Value());
    sum += s.value.as_int();
  }
  items.clear();
  CHECK(sum == 100000LL * 99999 / 2 * 10 + 100000);
}

// ------------------------------------------------------------------------
// Compile-time errors and limits.

TEST_CASE("vm: SyntaxErrors CPython's compiler raises", "[vm]") {
  // Messages as python3.12 reports them for these files.
  CHECK(run_program("/tmp/e.py", "def f():\n    await x\n").diagnostic == "'await' outside async function");
  CHECK(run_program("/tmp/e.py", "await x\n").diagnostic == "'await' outside function");
  CHECK(run_program("/tmp/e.py", "return 1\n").diagnostic == "'return' outside function");
  CHECK(run_program("/tmp/e.py", "for x in y:\n    def f():\n        break\n").diagnostic == "'break' outside loop");
  CHECK(run_program("/tmp/e.py", "continue\n").diagnostic == "'continue' not properly in loop");
  CHECK(run_program("/tmp/e.py", "nonlocal x\n").diagnostic == "nonlocal declaration not allowed at module level");
  CHECK(run_program("/tmp/e.py", "def f():\n    nonlocal x\n").diagnostic == "no binding for nonlocal 'x' found");
  CHECK(run_program("/tmp/e.py", "def f():\n    x = 1\n    global x\n").diagnostic ==
        "name 'x' is assigned to before global declaration");
  CHECK(run_program("/tmp/e.py", "def f():\n    return [await x for x in y]\n").diagnostic ==
        "asynchronous comprehension outside of an asynchronous function");
  CHECK(run_program("/tmp/e.py", "async for x in y: pass\n").diagnostic == "'async for' outside async function");
  CHECK(run_program("/tmp/e.py", "def f(a, b, a): pass\n").diagnostic == "duplicate argument 'a' in function definition");
}

TEST_CASE("vm: the instruction limit stops a program that loops forever", "[vm]") {
  auto source = std::make_shared<const lang::Source>("/tmp/loop.py", "n = 0\nwhile True:\n    n += 1\n");
  runtime::Runtime rt;
  asim::modules::Session session({asim::asyncio::profile("3.12")}, [](std::string_view) {}, [](std::string_view) {}); 
  auto builtins = runtime::make_builtins_module([](std::string_view) {});
  lang::Interpreter interpreter(source, builtins, session, lang::LangLimits{10000, 1000, {}});
  try {
    interpreter.run_module();
    FAIL("no limit");
  } catch (lang::InstructionLimit& e) {
    CHECK(std::string(e.what()) ==
          "asim: stopped after 10000 instructions (the program may loop forever; raise the limit with --max-instructions)");
  }
}

TEST_CASE("vm at scale: 100 000 interpreted coroutines as tasks", "[vm]") {
  // python3.12 prints 4999950000.
  const auto r = run_program("/tmp/perf.py", R"PY(import asyncio
async def w(i):
    await asyncio.sleep(0)
    return i
async def main():
    tasks = [asyncio.create_task(w(i)) for i in range(100000)]
    s = 0
    for t in tasks:
        s += await t
    print(s)
asyncio.run(main())
)PY");
  CHECK(r.out == "4999950000\n");
  CHECK(r.err == "");
}

// A debugging aid, not run by default: ASIM_VM_FILE=x.py asim_tests "[.vmdebug]"
// prints the code objects of x.py, then runs it.
TEST_CASE("vm debug: disassemble and run a file", "[.vmdebug]") {
  const char* path = std::getenv("ASIM_VM_FILE");
  if (!path) return;
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  const auto r = run_program(path, text.str(), {}, [&](runtime::Module&) {});
  {
    runtime::Runtime rt;
    asim::modules::Session session({asim::asyncio::profile("3.12")}, [](std::string_view) {}, [](std::string_view) {}); 
    auto builtins = runtime::make_builtins_module([](std::string_view) {});
    lang::Interpreter interpreter(std::make_shared<const lang::Source>(path, text.str()), builtins, session);
    std::function<void(const lang::CodeObject&)> dump = [&](const lang::CodeObject& co) {
      std::cout << co.disassemble() << "\n";
      for (const auto& c : co.consts)
        if (auto* sub = c.as<lang::CodeObject>()) dump(*sub);
    };
    dump(*interpreter.compile());
  }
  std::cout << "--- stdout\n" << r.out << "--- stderr\n" << r.err << r.diagnostic << "\n";
}
