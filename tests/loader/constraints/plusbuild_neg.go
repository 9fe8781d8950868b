// +build !windows,!plan9

package c
