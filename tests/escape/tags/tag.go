// The functions whose parameter tags core_test.c's test_tags encodes; the
// suite checks that gc's export data holds exactly these "esc:" strings.
package tag

var Sink *int

func Leak(p *int)                { Sink = p }             // ""
func Ret(p *int) *int            { return p }             // "esc:\x00\x01"
func Content(p **int)            { Sink = *p }            // "esc:\x02"
func Deref(p **int) *int         { return *p }            // "esc:\x00\x02"
func None(p *int)                {}                       // "esc:"
func Two(a, b *int) (*int, *int) { return b, a }          // a: "esc:\x00\x00\x01"
func Mixed(p **int) *int         { Sink = *p; return *p } // "esc:\x02"
func R2(p ***int) (x, y *int)    { y = **p; return }      // "esc:\x00\x00\x03"
