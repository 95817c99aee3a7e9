# queue.Queue between threads: a bounded queue, task_done and join, a get
# with a timeout that runs out, a PriorityQueue.
import queue
import threading
import time

q = queue.Queue(maxsize=2)


def producer():
    for i in range(5):
        q.put(i)
        print("put", i)
    q.put(None)


def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        time.sleep(0.1)
        print("consumed", item)
        q.task_done()


c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
q.join()
print("all done", q.qsize(), q.empty())
try:
    q.get(timeout=0.2)
except queue.Empty:
    print("nothing came")
pq = queue.PriorityQueue()
for x in [3, 1, 2]:
    pq.put((x, f"job{x}"))
print([pq.get_nowait() for _ in range(3)])
try:
    pq.get_nowait()
except queue.Empty as e:
    print("empty", type(e).__name__)
p.join()
c.join()
