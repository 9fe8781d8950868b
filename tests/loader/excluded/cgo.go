package excluded

import "C"
