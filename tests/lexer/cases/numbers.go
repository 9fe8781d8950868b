package p
var _ = 0x 0b 0o 0b102 0o78 089 08.5 0_1 1__2 1_ 0x_1 0b_1 0x1.5 0x1p 1e 1e+ 1E-x 0b1.0 0o1.2 0x1e3 0b1e3 0o1p3 07p3 1p3 .5 .e3 1.5i 0x1p-2i 08i 0_8 1_000.000_1 0x1_p2 0xp1 0x.p1 0X1P+2 0B1 0O7 0.i 09.e1 0_9 0b_ 0x__1 1.e_1 1__.2
var _ = 0x1.p 0b 0x.
