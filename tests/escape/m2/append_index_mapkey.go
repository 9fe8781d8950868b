// The two -m -l defects real code showed (issue 11): bounds checks of
// indexes that append's arguments copy into temporaries are not elided;
// a map assignment converts its value at the key call's parenthesis.
package rp

var hexchars = [...]byte{'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'}

func AppendHex(dst []byte, x uint16) []byte {
	return append(dst, hexchars[x>>12&0xF], hexchars[x&0xF])
}

func Plain(x uint16) byte { return hexchars[x>>12&0xF] }

type FieldMap map[string]string

func (f FieldMap) resolve(key string) string { return f[key] }

type entry struct{ err string }

func Fill(f FieldMap, data map[string]interface{}, e *entry) {
	data[f.resolve("k")] = e.err
}
