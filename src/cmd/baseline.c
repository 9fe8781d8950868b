// baseline.c: placeholder, filled below
#include "assert.h"
int assert_baseline_write(AssertRun *ar, const char *path) { (void)ar; (void)path; return 2; }
int assert_baseline_against(AssertRun *ar, const char *path) { (void)ar; (void)path; return 2; }
