module goesc/typesdump

go 1.19
