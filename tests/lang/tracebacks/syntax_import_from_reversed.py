import os
print("never")
import os.path from sys
