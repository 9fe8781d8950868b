/*
// +build ignore
*/

package c
