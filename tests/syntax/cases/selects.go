// Select statements with every communication form.
package selects

func sel(c chan int, d chan<- int, e <-chan int) {
	var x int
	var ok bool
	select {
	case c <- 1:
	case d <- <-e:
	case <-e:
	case x = <-c:
	case x, ok = <-c:
	case y := <-c:
		_ = y
	case y, ok2 := <-e:
		_, _ = y, ok2
	case (<-c):
	default:
	}
	select {}
	_, _ = x, ok
}
