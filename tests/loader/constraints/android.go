//go:build android

package c
