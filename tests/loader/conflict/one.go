// One directory, two package names.
package one
