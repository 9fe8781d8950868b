//go:build linux && !windows

package c
