// Copyright 2022.

// +build !linux

package c
