# After a ';' only 3.10+ see the print statement; 3.7-3.9 say invalid syntax.
count = 3; print count
