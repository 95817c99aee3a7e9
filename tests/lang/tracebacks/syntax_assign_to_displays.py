# Assigning to a dict display: "literal" on 3.7, "dict display" on 3.8-3.9,
# "dict literal" on 3.10+.
settings = {}
{} = settings
