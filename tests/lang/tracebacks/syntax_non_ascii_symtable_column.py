# symtable.c's errors give the node's byte offset for a column, on every
# version.
greeting = "héllo"; nonlocal greeting
