# A warning raised from a call over several lines names the line its frame
# is at: 3.7 the furthest line of the statement its compiler had reached
# (the last argument), 3.8+ the line the call starts on.
import warnings


def old():
    warnings.warn(
        "old() is deprecated",
        DeprecationWarning,
        stacklevel=2,
    )


def caller():
    old(
    )
    warnings.warn("plain",
                  UserWarning)


caller()
