//go:build go1.19

package c
