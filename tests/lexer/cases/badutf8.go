package p
var x = "ÿş"
var Ã( = 1
// comment â‚
/* ğŸ */ í € ô€€ À¯