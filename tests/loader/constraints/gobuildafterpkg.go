package c

//go:build ignore
