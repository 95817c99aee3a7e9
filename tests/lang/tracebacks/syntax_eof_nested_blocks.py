# A file that ends inside nested blocks: an indented block is missing at the end.
def worker(items):
    for item in items:
        if item:
            print(item)
        else:
