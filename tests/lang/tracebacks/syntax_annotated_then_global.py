# An annotated name cannot be declared global afterwards, even at module level.
retries: int
global retries
