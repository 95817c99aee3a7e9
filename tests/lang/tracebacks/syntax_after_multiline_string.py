# An error after a string that spans lines: 3.8 shows the string's lines too.
message = """first
second""" "third" 3
