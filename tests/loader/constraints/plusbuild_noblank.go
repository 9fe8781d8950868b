// +build ignore
package c
