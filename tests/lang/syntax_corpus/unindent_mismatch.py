# expect: 4:13: IndentationError: unindent does not match any outer indentation level
async def main():
        await x
    return 1
