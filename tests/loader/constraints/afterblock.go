/* a block
   comment */
//go:build !linux

package c
