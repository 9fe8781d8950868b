module example.com/m2mod

go 1.19
