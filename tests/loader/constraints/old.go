// +build go1.1

package c
