import math
print(math.floor(2.7))
from math import sqrt as s
print(s(9))
import numpy as np
