# A starred expression alone on the right of an assignment.
values = [1, 2, 3]
first = *values
print(first)
