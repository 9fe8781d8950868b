//go:build goexperiment.regabiargs

package c
