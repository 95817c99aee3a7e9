# `continue` in a finally body: refused by 3.7's compiler only.
for attempt in range(3):
    try:
        print("attempt", attempt)
    finally:
        if attempt == 1:
            continue
    print("after", attempt)
