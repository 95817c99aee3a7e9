print("a")
items = [1,
  2
