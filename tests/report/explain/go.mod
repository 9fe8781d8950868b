module example.com/explaincases

go 1.19
