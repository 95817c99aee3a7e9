# asim: python>=3.8
# pow() with a negative exponent and a modulus is a modular inverse (3.8+).
print(pow(7, -1, 2 ** 64 + 13), pow(2 ** 100, -1, 7), pow(3, -5, -(10 ** 20 + 39)), pow(38, -1, 97))
try:
    pow(6, -1, 9)
except ValueError as e:
    print("ValueError", e)
