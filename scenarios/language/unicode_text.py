# str case mapping and character classes beyond Latin-1: special casing
# ('ß'.upper() is 'SS'), titlecase letters, the final sigma, and digits and
# numerals of other scripts (also as int() and float() read them).
words = ["straße", "ﬁne ﬂow", "İstanbul", "ǆemal ǅ", "ΟΔΥΣΣΕΥΣ", "ΣΑΣ Σ", "ŉ", "ὒ", "Ǆ", "ΐ", "ᾳ", "ǰ"]
for w in words:
    print(ascii([w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold()]))
for s in ["ǅ", "ǅa", "Aǅ", "ª", "ᵃ", "Σ", "ǈa b", "Ⅻ", "ⅻ", "A1", "a\u0301", "ǲ"]:
    print(ascii(s), s.isupper(), s.islower(), s.istitle(), s.isalpha(), s.isalnum())
for s in ["²", "Ⅻ", "٣", "৪৫", "½", "①", "一", "\u0660\u0661", "𝟗", "12"]:
    print(ascii(s), s.isdigit(), s.isnumeric(), s.isdecimal(), s.isalnum(), s.isidentifier())
for s in ["\u2003x\u3000", "\u1680", "\u200b", "\x1c", "\u00a0"]:
    print(ascii(s), s.isspace(), s.isprintable(), ascii(s.strip()), s.split())
print(int("٣٤"), int(" \u0969\u0966 "), float("\u0661.\u0665"), int("\uff11\uff12", 16))
for bad in ["²", "①", "½", "٣x"]:
    try:
        int(bad)
    except ValueError as e:
        print(ascii(str(e)))
print(ascii("".join(sorted({"ß", "ss", "SS", "ẞ"}))), "ß".upper() == "SS", "ẞ".lower(), "ﬀ".title())
print("".isascii(), "".isprintable(), "".isupper(), "é".isascii(), "x1_é".isidentifier(), "1x".isidentifier())
