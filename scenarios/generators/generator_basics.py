# A generator runs its body up to each yield; send() resumes it with a value,
# close() raises GeneratorExit inside it. asyncio's coroutines grew out of this.
def countdown(n):
    print("starting")
    while n > 0:
        yield n
        n -= 1
    return "done"

for x in countdown(3):
    print(x)

g = countdown(2)
print(repr(g).split(" at ")[0] + ">")
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)

def echo():
    received = []
    try:
        while True:
            value = yield len(received)
            received.append(value)
    finally:
        print("echo closing with", received)

e = echo()
print(e.send(None), e.send("a"), e.send("b"))
e.close()
print(list(x * x for x in range(4)), sum(countdown(4)))
print(type(countdown(1)).__name__, [v for v in countdown(2)])
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
