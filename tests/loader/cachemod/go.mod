module example.com/cachemod

go 1.19

require example.com/UpperCase v1.2.3
