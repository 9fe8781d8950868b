module goesc/constcheck

go 1.19
