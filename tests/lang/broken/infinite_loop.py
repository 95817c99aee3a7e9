# expect-exit: 2
# expect-stderr-contains: the program may loop forever
while True:
    pass
