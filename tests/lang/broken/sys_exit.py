# expect-exit: 3
# expect-stderr-last: 
import sys
sys.exit(3)
