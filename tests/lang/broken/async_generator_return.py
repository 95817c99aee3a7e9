# expect-exit: 1
# expect-stderr-last: SyntaxError: 'return' with value in async generator
async def numbers(n):
    for i in range(n):
        yield i
    if n == 0:
        return "nothing"
