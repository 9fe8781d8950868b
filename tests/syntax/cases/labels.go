// Labeled statements, including a label right before a closing brace
// (an implicit empty statement) and labels on loops, switches and blocks.
package labels

func labels(c chan int, n int) {
outer:
	for i := 0; i < n; i++ {
	inner:
		for j := range c {
			switch {
			case j > i:
				continue outer
			case j < 0:
				break inner
			default:
				fallthrough
			case j == 0:
				goto done
			}
		}
	}
sel:
	select {
	case <-c:
		break sel
	}
blk:
	{
		goto blk2
	}
blk2:
	;
	goto blk
done:
}

func emptyLabel() {
	goto L
L:
}

func semis() {
	;;
	x := 1; ;
	_ = x
}
