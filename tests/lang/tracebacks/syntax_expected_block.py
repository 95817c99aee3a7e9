flag = True
if flag:
print("yes")
