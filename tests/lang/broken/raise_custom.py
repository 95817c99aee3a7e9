# expect-exit: 1
# expect-stderr-last: AppError: custom failure
class AppError(Exception):
    pass
raise AppError("custom failure")
