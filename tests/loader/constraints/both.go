//go:build linux
// +build ignore

package c
