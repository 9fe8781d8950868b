module example.com/third

go 1.16

require example.com/UpperCase v1.2.3
