# goesc: one plain Makefile. `make demo` and `make test` install what they
# need on a fresh Debian machine (see tests/deps.sh).
CC ?= gcc
CFLAGS ?= -std=c11 -Wall -Wextra -O2 -g
CPPFLAGS += -D_GNU_SOURCE
LDLIBS += -lgmp -lm -lpthread -lnettle
PREFIX ?= /usr/local

SRCS := $(wildcard src/base/*.c src/syntax/*.c src/types/*.c src/ir/*.c src/inline/*.c \
                   src/escape/*.c src/report/*.c src/cmd/*.c) src/main.c
HDRS := $(wildcard src/*/*.h)
OBJS := $(SRCS:src/%.c=build/obj/%.o)
ASAN_OBJS := $(SRCS:src/%.c=build/asan/%.o)
ASAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
TSAN_OBJS := $(SRCS:src/%.c=build/tsan/%.o)

all: goesc

goesc: $(OBJS)
	$(CC) $(CFLAGS) -o $@ $(OBJS) $(LDLIBS)

build/obj/%.o: src/%.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# Sanitizer build: the tests run it too.
asan: build/goesc-asan
build/goesc-asan: $(ASAN_OBJS)
	$(CC) $(CFLAGS) -O1 $(ASAN_FLAGS) -o $@ $(ASAN_OBJS) $(LDLIBS)
build/asan/%.o: src/%.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -O1 $(ASAN_FLAGS) -c -o $@ $<

# ThreadSanitizer build: -j's threads (tests/suites/59-jobs.sh).
tsan: build/goesc-tsan
build/goesc-tsan: $(TSAN_OBJS)
	$(CC) $(CFLAGS) -O1 -fsanitize=thread -o $@ $(TSAN_OBJS) $(LDLIBS)
build/tsan/%.o: src/%.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -O1 -fsanitize=thread -c -o $@ $<

deps:
	@tests/deps.sh

# The main job: escape analysis of the example package, as
# `go build -gcflags=-m` prints it, inlining included.
demo: deps
	$(MAKE) goesc
	cd examples/hello && ../../goesc -m .

test: deps
	$(MAKE) goesc build/goesc-asan build/goesc-tsan
	tests/run.sh

bench: deps
	$(MAKE) goesc
	bench/run.sh

fuzz: deps
	tests/fuzz/run.sh

install: goesc
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 goesc $(DESTDIR)$(PREFIX)/bin/goesc

clean:
	rm -rf build goesc

.PHONY: all asan tsan deps demo test bench fuzz install clean
