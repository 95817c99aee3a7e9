print(1)
if True:
  pass
   oops = 1
