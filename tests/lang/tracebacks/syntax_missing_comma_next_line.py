# "Perhaps you forgot a comma?" with the second expression on the next line:
# 3.10+ mark the first to the end of its line, trailing blanks included.
sizes = dict(small=1, medium=2)
print(sizes.get("small") 
      sizes.get("medium"))
