# A parameter without a default after one with a default.
def connect(host="localhost", port: int, retries=3):
    return host, port, retries
