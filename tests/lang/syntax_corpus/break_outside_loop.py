# expect: 3:5: SyntaxError: 'break' outside loop
async def main():
    break
