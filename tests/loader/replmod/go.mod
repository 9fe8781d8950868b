module example.com/replmod

go 1.19

require example.com/fake v1.0.0

replace example.com/fake v1.0.0 => example.com/UpperCase v1.2.3
