# 3.9-3.12 give the parser's errors in a file without an encoding
# declaration their byte offset for a column: the caret moves right by one
# for each extra byte of "é" before it.
print("café" "thé" total)
