package main

import (
	"fmt"

	"example.com/shop/cart"
)

func main() {
	c := cart.New()
	c.Add("apple")
	fmt.Println(c.Len())
}
