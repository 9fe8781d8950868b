// +build !!linux

package c
