package p
func f() { a += 1; a -= 1; a *= 1; a /= 1; a %= 1; a &= 1; a |= 1; a ^= 1; a <<= 1; a >>= 1; a &^= 1; a++; a--; a && b || c; a == b != c < d <= e > f >= g; !a; ~a; <-a; a := b; x[1:2]; -a; ^a; &a; *a; a &^ b; a << b >> c; a % b / c }
