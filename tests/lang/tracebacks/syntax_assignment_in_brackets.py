# An assignment inside brackets, where an expression belongs: 3.10+ suggest
# a comparison and mark the target (or the whole `name = value`);
# 3.7-3.9 stop at the "=".
def check(*conditions):
    return all(conditions)


print(check((total + 1 = 10), ready = 1))
