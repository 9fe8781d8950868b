// UTF-16 columns in goesc -format=json: y lies after characters of 2, 3
// and 4 bytes (1, 1 and 2 UTF-16 units) on its line.
package p

var sink interface{}

func G() { _ = "é世😀"; y := 0; sink = &y }
