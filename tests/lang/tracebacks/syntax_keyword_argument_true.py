# `True=` in a call: 3.8 and 3.10+ name the keyword; 3.7 and 3.9 do not.
print("a", True=1)
