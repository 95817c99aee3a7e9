# 3.7-3.8 judge argument order once the whole file parsed: a later parser
# error wins; they mark the argument, 3.9+ the token after it.
print(**{"sep": ","}, "a")
values = (1,
