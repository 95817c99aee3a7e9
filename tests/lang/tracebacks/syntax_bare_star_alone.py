# A bare '*' with no keyword-only parameter after it.
def configure(*, **options):
    return options
