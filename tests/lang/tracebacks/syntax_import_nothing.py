import sys
import
print(sys.argv)
