# A one-line `try:` followed by an indented line: 3.7-3.9 stop at the
# INDENT ("unexpected indent"), 3.10+ ask for the except or finally block.
try: total = 1
    total += 1
except ValueError:
    pass
