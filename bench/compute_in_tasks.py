# make bench: plain Python inside tasks: loops, calls, attribute access,
# dict, list and str operations, f-strings, between awaits.
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200


class Account:
    def __init__(self, name, balance):
        self.name = name
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(amount)
        return self.balance

    def label(self):
        return f"{self.name}:{self.balance}"


def mix(a, b):
    return (a * 31 + b) % 65521


async def worker(w):
    accounts = {f"acct{i}": Account(f"acct{i}", i) for i in range(50)}
    words = []
    h = w
    for step in range(2000):
        name = f"acct{(step * 7 + w) % 50}"
        acct = accounts[name]
        acct.deposit(step % 17)
        h = mix(h, acct.balance)
        if step % 50 == 0:
            words.append(acct.label().upper())
            await asyncio.sleep(0)
    text = ",".join(words)
    counts = {}
    for ch in text:
        counts[ch] = counts.get(ch, 0) + 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    return h, len(text), top, sum(len(a.history) for a in accounts.values())


async def main():
    results = await asyncio.gather(*[worker(w) for w in range(N)])
    h = 0
    for r in results:
        h = mix(h, r[0] + r[1] + r[3])
    print(f"{len(results)} workers, hash {h}, first {results[0]}")


asyncio.run(main())
