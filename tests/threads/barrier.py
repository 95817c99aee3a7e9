# threading.Barrier: three threads let through together with an action, then a
# barrier broken by a timeout, and reset.
import threading, time

def on_full():
    print("all arrived")

b = threading.Barrier(3, action=on_full)

def runner(n):
    time.sleep(0.1 * n)
    print("runner", n, "arrives")
    i = b.wait()
    time.sleep(0.1 * (i + 1))
    print("runner", n, "passed as", i)

ts = [threading.Thread(target=runner, args=(n,)) for n in (1, 2, 3)]
for t in ts: t.start()
for t in ts: t.join()
print(b.parties, b.n_waiting, b.broken)
b2 = threading.Barrier(2, timeout=0.2)
def lonely():
    try:
        b2.wait()
    except threading.BrokenBarrierError:
        print("broken after timeout", b2.broken)
t = threading.Thread(target=lonely); t.start(); t.join()
try:
    b2.wait()
except threading.BrokenBarrierError as e:
    print("still broken", type(e).__mro__[1].__name__)
b2.reset()
print(b2.broken)
