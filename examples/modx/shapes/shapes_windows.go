package shapes

// onWindows is only built for GOOS=windows (file name suffix).
const onWindows = true
