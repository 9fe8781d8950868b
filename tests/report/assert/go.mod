module example.com/assertcases

go 1.19
