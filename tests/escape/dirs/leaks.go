// errorcheckdir -0 -m -l

// Separate compilation: package a's parameter tags reach the packages
// importing it (b, then main through b) only through the summary written
// with -o and read back with -I: leaks to the heap, to results at each
// dereference level, content leaks, methods and several results.
package ignored
