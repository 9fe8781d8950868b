//go:build go1.20

package c
