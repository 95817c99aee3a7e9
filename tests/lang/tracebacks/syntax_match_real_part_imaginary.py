# asim: python>=3.10
# ... and a real part before it.
value = 3
match value:
    case 1j + 2j:
        print("never")
