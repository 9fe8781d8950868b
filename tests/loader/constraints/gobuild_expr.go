// Copyright notice.

//go:build (linux || darwin) && amd64 && !cgo

package c
