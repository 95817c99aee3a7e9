# A subscript as the target of ':=' at a statement's start: 3.9+ name it.
scores = [0]
scores[0] := 5
