# pow(base, exp, mod): 3.7 refuses a negative exponent before it looks at
# the modulus (so pow(2, -1, 0) names the exponent); 3.8+ check the modulus
# first and take the modular inverse of the base for a negative exponent.
for args in ((2, -1, 0), (2, -1, 5), (2, -1, 1), (4, -1, 6), (2 ** 70, -1, 0), (3, -2, -7), (0, -1, 5), (3, 4, 0), (3, 4, -5)):
    try:
        print(args, pow(*args))
    except ValueError as e:
        print(args, "ValueError:", e)
