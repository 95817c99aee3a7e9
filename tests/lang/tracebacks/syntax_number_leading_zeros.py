# A decimal literal with leading zeros: 3.7's invalid token and 3.8-3.9 at
# its last digit, 3.10+ at its first, by byte offset.
permissions = {"mode": 0755}
