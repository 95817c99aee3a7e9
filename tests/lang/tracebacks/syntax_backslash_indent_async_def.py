# 3.9: a line begun with a backslash leaves the indentation as it was, so
# the `async def` it joins is a statement of body(), whose own block then
# is not indented; 3.7-3.8 and 3.10+ report the dedent to column 1.
async def body():
    print("body ran")

 \
async def main():
    await body()
