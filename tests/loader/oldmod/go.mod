module example.com/oldmod

go 1.16

require example.com/third v0.2.0
