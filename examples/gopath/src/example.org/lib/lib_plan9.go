package lib

// plan9 is only built for GOOS=plan9.
const plan9 = true
