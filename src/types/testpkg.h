// testpkg.h: shared by testpkg.c (the test variants of a package) and
// testmain.c (the generated main package of a test binary).
#ifndef GOESC_TYPES_TESTPKG_H
#define GOESC_TYPES_TESTPKG_H

#include "../base/base.h"
#include "../syntax/syntax.h"

typedef struct TestFuncs TestFuncs;
// What go test's testmain runs, from the internal (tests) and external
// (xtests) test files (NULL entries skipped: files that did not parse) of
// the package in directory dir.
TestFuncs *test_funcs_load(Str dir, SynFile **tests, int ntests, SynFile **xtests, int nxtests);
// The first test function with a wrong signature, in go's words, or NULL.
const char *test_funcs_error(const TestFuncs *t);
void test_funcs_free(TestFuncs *t);
// Appends _testmain.go's text for the package at path; has_test_files: the
// package's variant has files (go imports it then), has_xtest: there is an
// external test package.
void test_main_source(Buf *b, TestFuncs *t, Str path, bool has_test_files, bool has_xtest);

#endif
