# expect-exit: 2
# expect-stderr-contains: async_generator_return.py:7:9: SyntaxError: 'return' with value in async generator
async def numbers(n):
    for i in range(n):
        yield i
    if n == 0:
        return "nothing"
