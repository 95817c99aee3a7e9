# threading.local: each thread's own attributes; a subclass's __init__ runs again
# in each thread that first touches the object.
import threading, time

data = threading.local()
data.x = "main"

class Cfg(threading.local):
    def __init__(self, level):
        self.level = level
        print("init in", threading.current_thread().name)

cfg = Cfg(3)

def work(n):
    try:
        data.x
    except AttributeError as e:
        print("missing:", e)
    data.x = n
    time.sleep(0.1 * n)
    cfg.level += n
    print(n, data.x, cfg.level, sorted(data.__dict__))

ts = [threading.Thread(target=work, args=(i,), name=f"T{i}") for i in (1, 2)]
for t in ts: t.start()
for t in ts: t.join()
print(data.x, cfg.level, type(data).__name__)
del data.x
print(hasattr(data, "x"))
