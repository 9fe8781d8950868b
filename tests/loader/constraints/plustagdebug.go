// +build debug,linux

package c
