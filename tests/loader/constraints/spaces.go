//go:build    linux   

package c
