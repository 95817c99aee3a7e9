# A string whose backslash escapes the end of the file (no final newline).
message = "unfinished\