# A field that does not parse: before 3.12 compiled apart as "(expr)".
width = 3
text = f"""ab
{width height} cd"""
print(text)
