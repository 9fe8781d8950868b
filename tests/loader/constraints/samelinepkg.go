/* c */ package c
