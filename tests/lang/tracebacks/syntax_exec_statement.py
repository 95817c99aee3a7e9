# Python 2's exec statement.
exec "answer = 42"
