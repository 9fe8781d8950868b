//go:build ignore

// Every file is excluded by its build constraints.
package excluded
