# asim: python>=3.11
# break in an except* block: the statement marked.
for i in range(3):
    try:
        raise ValueError(i)
    except* ValueError:
        break
