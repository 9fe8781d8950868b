package p
﻿var x﻿y = 1
