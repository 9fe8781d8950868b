//go:build gc && !gccgo

package c
