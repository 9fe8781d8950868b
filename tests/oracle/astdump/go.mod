module goesc/astdump

go 1.19
