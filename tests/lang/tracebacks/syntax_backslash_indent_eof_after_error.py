# 3.10+: a parser error, then a continuation in an indentation at the end
# of the file: that end of input is a status, the parser error stands.
value = total count
    \
