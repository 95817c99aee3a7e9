# 3.7-3.8 judge a bad target once the whole file parsed: a later parser
# error (an unexpected indent) wins.
class Priority:
    LOW = 1
~HIGH = 3
    MEDIUM = 2
