package cart

type Cart struct {
	items []string
}

// New returns an empty cart.
func New() *Cart {
	return &Cart{}
}

func (c *Cart) Add(item string) {
	c.items = append(c.items, item)
}

func (c *Cart) Len() int { return len(c.items) }
