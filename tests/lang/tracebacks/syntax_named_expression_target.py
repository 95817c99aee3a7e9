# A named expression as a target: 3.10+ suggest ==; 3.7 has no := at all.
results = []
(latest := 1) = 2
