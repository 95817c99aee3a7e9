# A def whose name is followed by something other than '(': 3.11+ expect
# the parenthesis; 3.10 and before say invalid syntax.
def greet user():
    print("hello", user)
