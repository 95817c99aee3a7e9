# threading: threads that sleep, a lock around shared state, join with a
# timeout, an Event, a Condition, a Timer, a failing thread. Every line is
# printed at its own multiple of 0.1 s, so that CPython's order does not
# depend on the machine's load.
import threading
import time

lock = threading.Lock()
shared = []


def worker(name, delay, rounds):
    for i in range(rounds):
        time.sleep(delay)
        with lock:
            shared.append((name, i))
            print(f"{name} round {i}")


class Counter(threading.Thread):
    def __init__(self):
        super().__init__(name="counter")
        self.total = 0

    def run(self):
        for i in range(3):
            time.sleep(0.2)
            self.total += i


ready = threading.Event()
cond = threading.Condition()
items = []


def waiter():
    time.sleep(0.1)
    print("waiter waits for the event")
    ready.wait()
    print("waiter saw the event")
    with cond:
        while not items:
            cond.wait()
        print("waiter got", items.pop())


def fails():
    time.sleep(0.08)
    raise RuntimeError("thread failed")


threads = [threading.Thread(target=worker, args=(f"w{i}", d, 2)) for i, d in enumerate([0.2, 0.5])]
for t in threads:
    t.start()
c = Counter()
c.start()
w = threading.Thread(target=waiter, name="waiter")
w.start()
f = threading.Thread(target=fails, name="fails")
f.start()
print("alive", threading.active_count(), [t.name for t in threading.enumerate()])
c.join(0.3)
print("counter alive after 0.3 s:", c.is_alive())
c.join()
print("counter total", c.total, c.is_alive())
time.sleep(0.1)
ready.set()
time.sleep(0.1)
with cond:
    items.append("item")
    cond.notify()
timer = threading.Timer(0.1, print, args=("timer fired",))
timer.start()
for t in threads + [w, f, timer]:
    t.join()
print("shared", shared)
print("main is", threading.current_thread().name, threading.main_thread() is threading.current_thread())
