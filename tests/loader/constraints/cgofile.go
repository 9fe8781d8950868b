package c

// int x;
import "C"
