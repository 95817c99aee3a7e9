# An asynchronous comprehension inside another: 3.11+ make the outer one
# asynchronous and report it; before, the inner one.
def matrix(rows):
    grid = [[await cell for cell in row] for row in rows]
    await rows.aclose()
    return grid
