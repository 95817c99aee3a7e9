# asim: python>=3.10
# `match x` at the end of the line: 3.10+ expect the ':'.
command = "go"
match command
    case "go":
        print("going")
