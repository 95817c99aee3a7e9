# concurrent (asim's own stand-in): the package of concurrent.futures.
