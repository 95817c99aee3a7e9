# A byte-order mark duplicated into the middle of the file.
x = 1
﻿print(x)
