// Command main reaches the cycle through a.
package main

import "loadertests/cycle/a"

func main() { _ = a.A() }
