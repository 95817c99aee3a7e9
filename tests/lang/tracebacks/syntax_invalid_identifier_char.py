# A character no identifier may hold, after a valid non-ASCII name.
prix = 3
prix€ = prix * 2
print(prix€)
