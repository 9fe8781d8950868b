package c_test
