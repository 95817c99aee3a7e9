# An unparenthesized generator expression among arguments, in a call whose
# closing parenthesis is missing: 3.7-3.8's parser reads on and reports
# where it fails (their ast.c would judge the generator expression only
# after a whole parse).
values = [3, 1, 2]
print("doubled:", v * 2 for v in values
print("done")
