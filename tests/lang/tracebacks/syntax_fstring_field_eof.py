# 3.7-3.8 compile a failing f-string field apart as "(expr)": a failure at
# its closing parenthesis is the end of that input there.
count = 1
label = f"{count +} items"
