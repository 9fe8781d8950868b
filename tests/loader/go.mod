module loadertests

go 1.19
