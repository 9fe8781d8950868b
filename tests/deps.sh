#!/bin/sh
# Installs what goesc's build and tests need on a fresh Debian machine,
# only when it is missing.
set -e
need=""
[ -x /usr/lib/go-1.19/bin/go ] || need="$need golang-1.19-go"
[ -d /usr/share/go-1.19/test ] || need="$need golang-1.19-src"
[ -f /usr/include/gmp.h ] || [ -f /usr/include/x86_64-linux-gnu/gmp.h ] || need="$need libgmp-dev"
[ -f /usr/include/nettle/sha2.h ] || need="$need nettle-dev"   # SHA-256 of the package cache
command -v gcc >/dev/null || need="$need gcc"
command -v pkg-config >/dev/null || need="$need pkg-config"   # #cgo pkg-config (suite 56)
command -v make >/dev/null || need="$need make"
command -v python3 >/dev/null || need="$need python3"
command -v clang >/dev/null || need="$need clang"
[ -x /usr/bin/time ] || need="$need time"   # bench: peak RSS
command -v dot >/dev/null || need="$need graphviz"   # -format=dot (suite 97)
# -format=html in a real browser (suite 99), with a font for its screenshot
command -v chromium >/dev/null || need="$need chromium"
[ -d /usr/share/fonts/truetype/dejavu ] || need="$need fonts-dejavu-core"
# The real-code corpus (suite 96): Go libraries Debian packages.
for p in davecgh-go-spew google-go-cmp pkg-errors pmezard-go-difflib spf13-pflag \
         stretchr-objx stretchr-testify; do
    dpkg -s "golang-github-$p-dev" >/dev/null 2>&1 || need="$need golang-github-$p-dev"
done
dpkg -s golang-gopkg-yaml.v3-dev >/dev/null 2>&1 || need="$need golang-gopkg-yaml.v3-dev"
dpkg -s golang-golang-x-exp-dev >/dev/null 2>&1 || need="$need golang-golang-x-exp-dev"
# SARIF validation (suite 98): Go structs generated from the SARIF 2.1.0 schema.
dpkg -s golang-github-haya14busa-go-sarif-dev >/dev/null 2>&1 || need="$need golang-github-haya14busa-go-sarif-dev"

# libFuzzer's runtime (tests/fuzz) is only recommended by clang, so a
# --no-install-recommends system lacks it; Debian ships it per clang version.
clang_major=$(clang -dumpversion 2>/dev/null | cut -d. -f1)
ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 ||
    need="$need libclang-rt-${clang_major:-14}-dev"
if [ -n "$need" ]; then
    echo "installing:$need"
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q $need >/dev/null
fi
