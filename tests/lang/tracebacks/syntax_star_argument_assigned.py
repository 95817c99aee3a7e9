# `*args=value` in a call: 3.12+ name it.
def show(*args):
    print(args)


show(*args=[1, 2])
