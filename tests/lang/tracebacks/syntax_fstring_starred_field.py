# A starred expression alone in a field: 3.9-3.11 judge "(*a)" as a group.
a = [1, 2]
print(f"{*a}")
