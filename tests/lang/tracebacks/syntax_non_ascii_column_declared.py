# -*- coding: utf-8 -*-
# With an encoding declaration the column counts characters on every version.
print("café" "thé" total)
