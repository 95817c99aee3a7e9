# A UTF-8 BOM, CRLF line ends, and a lone carriage return in a comment:
# what follows it is codeprint("after the carriage return")
total = (1 +
         2)
print(total)
