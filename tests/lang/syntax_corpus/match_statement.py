# expect: 3:1: not supported by asim: match statements
command = "go"
match command:
    case "go":
        pass
