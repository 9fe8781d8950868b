// +build linux,amd64 windows

package c
