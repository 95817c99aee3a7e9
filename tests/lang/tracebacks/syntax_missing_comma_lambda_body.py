# "Perhaps you forgot a comma?" inside a lambda's body (3.10+), and with the
# second expression on the next line: the carets run to the end of the
# first line, its trailing blanks included.
handlers = [lambda: print("one") print("two")]
handlers[0]()
