x = 1
import a, b from c.d
