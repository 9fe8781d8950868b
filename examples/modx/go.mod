module example.com/modx

go 1.19

require example.com/modx-dep v0.1.0

replace example.com/modx-dep => ../modx-dep
