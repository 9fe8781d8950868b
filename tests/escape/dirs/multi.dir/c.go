package c

import "./b"

import "./a"

func UseChain() {
	var buf a.Buf // ERROR "moved to heap: buf"
	b.Chain(&buf)
}

func UseBytes() []byte {
	var buf a.Buf
	return b.Bytes(&buf)
}
