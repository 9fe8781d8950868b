module example.com/vendormod

go 1.19

require example.com/vdep v1.0.0
