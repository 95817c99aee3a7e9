# A print statement after the ':' of a one-line if.
ready = True
if ready: print "ready"
