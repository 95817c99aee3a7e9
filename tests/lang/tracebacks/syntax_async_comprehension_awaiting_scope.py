# 3.7-3.10: an await anywhere in a plain function makes it a coroutine to the
# compiler, so its asynchronous comprehension passes and the await is reported.
def collect(source):
    items = [x async for x in source]
    await source.aclose()
    return items
