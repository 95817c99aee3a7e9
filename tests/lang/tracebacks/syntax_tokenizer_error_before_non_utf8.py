# A tokenizer error on an earlier line comes before the check of a later
# line that is not UTF-8, on every version.
total = 1 + \ 2
print(total)
price = "5 ¤"
