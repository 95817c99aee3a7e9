# The bare `except:` is the second handler: 3.7-3.9 report it at the end
# of the handler before it.
def parse(text):
    try:
        return int(text)
    except TypeError:
        if text:
            print("no", text)
    except:
        return None
    except ValueError:
        return 0
