package c

// +build ignore
