# An augmented assignment to a call's result.
counts = {"a": 1}
counts.get("a") += 1
