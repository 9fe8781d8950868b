module example.com/modx-dep

go 1.19
