module example.com/UpperCase

go 1.19
