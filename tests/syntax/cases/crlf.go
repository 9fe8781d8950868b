// Raw strings containing carriage returns, in a file with CRLF line
// endings: go/scanner and gc both drop the CRs from a raw string's value,
// and CR counts as white space elsewhere.
package crlf

const raw = `line1
line2
`

var s = "x" + `ab`

func f() string {
	return raw + s
}
