// Package c does stuff.
// +build ignore
package c
