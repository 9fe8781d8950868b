// errorcheckdir -0 -m -l

// Separate compilation with a package of two files, unnamed and blank
// parameters, named results, method values and expressions, closures
// calling imported functions, and a chain of imports: c's results depend
// on a's tags through b's.
package ignored
