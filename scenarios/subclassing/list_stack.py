# A list subclass as a shared work stack: tasks push results, the main task
# peeks and pops. The subclass's own methods and overrides (append logs) are
# called by Python code; list's own methods (extend, sort) never call them.
import asyncio


class Stack(list):
    def push(self, item):
        self.append(item)

    def peek(self):
        return self[-1]

    def append(self, item):
        print("  append", item)
        super().append(item)


async def worker(stack, name, delay):
    await asyncio.sleep(delay)
    stack.push(f"{name}@{asyncio.get_running_loop().time():.1f}")


async def main():
    stack = Stack(["start"])
    await asyncio.gather(worker(stack, "a", 0.2), worker(stack, "b", 0.1))
    print(stack, stack.peek(), len(stack))
    print(type(stack).__name__, isinstance(stack, list), issubclass(Stack, list), type(stack) is Stack)
    stack.extend(["x", "y"])
    print("extend does not call append:", stack)
    both = stack + ["z"]
    print(type(both).__name__, both)
    stack += ["w"]
    print(type(stack).__name__, stack[-2:], type(stack[-2:]).__name__)
    stack.label = "jobs"
    print(stack.label, stack.__dict__)
    print(repr(stack) == list.__repr__(stack), str(stack) == repr(stack))
    print(stack == list(stack), list(stack) == stack, stack != list(stack))
    print([item for item in stack if "@" in item], "x" in stack, sorted(Stack([3, 1, 2])))
    first, *rest = stack
    print(first, len(rest), stack.pop(), stack.index("x"), stack.count("y"))
    empty = Stack()
    print(bool(empty), bool(stack), empty, Stack("ab"))


asyncio.run(main())
