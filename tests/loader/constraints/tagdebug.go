//go:build debug

package c
