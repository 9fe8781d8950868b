/*
//go:build ignore
*/

package c
