# asim: python>=3.10
# A complex literal pattern needs an imaginary part after the sign.
value = 3
match value:
    case 1 + 2:
        print("never")
