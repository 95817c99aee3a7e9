# A block that should begin at a dedent: 3.9+ mark no column (the DEDENT token has none).
async def main():
    try:
        for attempt in range(3):
    except RuntimeError:
        pass
