# A string whose backslash escapes the file's last newline.
message = "unfinished\
