//go:build cgo

package c
