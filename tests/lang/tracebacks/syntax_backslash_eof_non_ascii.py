# A backslash at the end of a last line that holds non-ASCII text: the
# column of the error counts bytes or characters, per version.
print("café €")\