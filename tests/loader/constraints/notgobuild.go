//go:builder ignore

package c
