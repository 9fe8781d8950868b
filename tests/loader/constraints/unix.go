//go:build unix

package c
