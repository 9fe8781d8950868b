// intrinsics.c: the functions ssagen's InitTables expands as instructions
// on amd64 (ssagen/ssa.go). gc's hairy visitor charges a call to one of
// them as a plain node. Keyed by package path and function name, as
// findIntrinsic looks them up; methods are never intrinsics. The list is
// InitTables' entries whose architectures include amd64 (all, p8,
// lwatomics, sys.AMD64), aliases included, without -race or -d=ssa flags.
#include <string.h>

#include "inline.h"

static const char *const intrinsics[][2] = {
    {"math", "Ceil"}, {"math", "FMA"}, {"math", "Floor"}, {"math", "RoundToEven"},
    {"math", "Sqrt"}, {"math", "Trunc"},
    {"math/big", "mulWW"},
    {"math/bits", "Add"}, {"math/bits", "Add64"}, {"math/bits", "Div"}, {"math/bits", "Div64"},
    {"math/bits", "Len"}, {"math/bits", "Len16"}, {"math/bits", "Len32"}, {"math/bits", "Len64"},
    {"math/bits", "Len8"}, {"math/bits", "Mul"}, {"math/bits", "Mul64"},
    {"math/bits", "OnesCount"}, {"math/bits", "OnesCount16"}, {"math/bits", "OnesCount32"},
    {"math/bits", "OnesCount64"}, {"math/bits", "ReverseBytes32"}, {"math/bits", "ReverseBytes64"},
    {"math/bits", "RotateLeft"}, {"math/bits", "RotateLeft16"}, {"math/bits", "RotateLeft32"},
    {"math/bits", "RotateLeft64"}, {"math/bits", "RotateLeft8"}, {"math/bits", "Sub"},
    {"math/bits", "Sub64"}, {"math/bits", "TrailingZeros16"}, {"math/bits", "TrailingZeros32"},
    {"math/bits", "TrailingZeros64"}, {"math/bits", "TrailingZeros8"},
    {"runtime", "KeepAlive"}, {"runtime", "getcallerpc"}, {"runtime", "getcallersp"},
    {"runtime", "getclosureptr"}, {"runtime", "mulUintptr"}, {"runtime", "slicebytetostringtmp"},
    {"runtime/internal/atomic", "And"}, {"runtime/internal/atomic", "And8"},
    {"runtime/internal/atomic", "Cas"}, {"runtime/internal/atomic", "Cas64"},
    {"runtime/internal/atomic", "CasRel"}, {"runtime/internal/atomic", "Casint32"},
    {"runtime/internal/atomic", "Casint64"}, {"runtime/internal/atomic", "Casp1"},
    {"runtime/internal/atomic", "Casuintptr"}, {"runtime/internal/atomic", "Load"},
    {"runtime/internal/atomic", "Load64"}, {"runtime/internal/atomic", "Load8"},
    {"runtime/internal/atomic", "LoadAcq"}, {"runtime/internal/atomic", "LoadAcq64"},
    {"runtime/internal/atomic", "LoadAcquintptr"}, {"runtime/internal/atomic", "Loadint32"},
    {"runtime/internal/atomic", "Loadint64"}, {"runtime/internal/atomic", "Loadp"},
    {"runtime/internal/atomic", "Loaduint"}, {"runtime/internal/atomic", "Loaduintptr"},
    {"runtime/internal/atomic", "Or"}, {"runtime/internal/atomic", "Or8"},
    {"runtime/internal/atomic", "Store"}, {"runtime/internal/atomic", "Store64"},
    {"runtime/internal/atomic", "Store8"}, {"runtime/internal/atomic", "StoreRel"},
    {"runtime/internal/atomic", "StoreRel64"}, {"runtime/internal/atomic", "StoreReluintptr"},
    {"runtime/internal/atomic", "Storeint32"}, {"runtime/internal/atomic", "Storeint64"},
    {"runtime/internal/atomic", "StorepNoWB"}, {"runtime/internal/atomic", "Storeuintptr"},
    {"runtime/internal/atomic", "Xadd"}, {"runtime/internal/atomic", "Xadd64"},
    {"runtime/internal/atomic", "Xaddint32"}, {"runtime/internal/atomic", "Xaddint64"},
    {"runtime/internal/atomic", "Xadduintptr"}, {"runtime/internal/atomic", "Xchg"},
    {"runtime/internal/atomic", "Xchg64"}, {"runtime/internal/atomic", "Xchgint32"},
    {"runtime/internal/atomic", "Xchgint64"}, {"runtime/internal/atomic", "Xchguintptr"},
    {"runtime/internal/math", "Mul64"}, {"runtime/internal/math", "MulUintptr"},
    {"runtime/internal/sys", "Bswap32"}, {"runtime/internal/sys", "Bswap64"},
    {"runtime/internal/sys", "Ctz32"}, {"runtime/internal/sys", "Ctz64"},
    {"runtime/internal/sys", "Ctz8"}, {"runtime/internal/sys", "Len64"},
    {"runtime/internal/sys", "Len8"}, {"runtime/internal/sys", "OnesCount64"},
    {"runtime/internal/sys", "Prefetch"}, {"runtime/internal/sys", "PrefetchStreamed"},
    {"runtime/internal/sys", "TrailingZeros64"}, {"runtime/internal/sys", "TrailingZeros8"},
    {"sync", "runtime_LoadAcquintptr"}, {"sync", "runtime_StoreReluintptr"},
    {"sync/atomic", "AddInt32"}, {"sync/atomic", "AddInt64"}, {"sync/atomic", "AddUint32"},
    {"sync/atomic", "AddUint64"}, {"sync/atomic", "AddUintptr"},
    {"sync/atomic", "CompareAndSwapInt32"}, {"sync/atomic", "CompareAndSwapInt64"},
    {"sync/atomic", "CompareAndSwapUint32"}, {"sync/atomic", "CompareAndSwapUint64"},
    {"sync/atomic", "CompareAndSwapUintptr"}, {"sync/atomic", "LoadInt32"},
    {"sync/atomic", "LoadInt64"}, {"sync/atomic", "LoadPointer"}, {"sync/atomic", "LoadUint32"},
    {"sync/atomic", "LoadUint64"}, {"sync/atomic", "LoadUintptr"}, {"sync/atomic", "StoreInt32"},
    {"sync/atomic", "StoreInt64"}, {"sync/atomic", "StoreUint32"}, {"sync/atomic", "StoreUint64"},
    {"sync/atomic", "StoreUintptr"}, {"sync/atomic", "SwapInt32"}, {"sync/atomic", "SwapInt64"},
    {"sync/atomic", "SwapUint32"}, {"sync/atomic", "SwapUint64"}, {"sync/atomic", "SwapUintptr"},
};

bool inl_is_intrinsic(Object *fn) {
    if (!fn || fn->kind != OBJ_FUNC || !fn->pkg || !fn->name)
        return false;
    // Methods are looked up by "T.M" symbol names, which no entry has.
    if (fn->type && fn->type->kind == TY_FUNC && fn->type->u.func.recv)
        return false;
    // The entries come grouped by package: each package's path is
    // compared once (the costing asks about every call it meets).
    const char *path = types_link_path(fn->pkg), *group = NULL;
    bool in_group = false;
    for (size_t i = 0; i < sizeof intrinsics / sizeof intrinsics[0]; i++) {
        if (intrinsics[i][0] != group) {
            group = intrinsics[i][0];
            in_group = strcmp(group, path) == 0;
        }
        if (in_group && strcmp(intrinsics[i][1], fn->name) == 0)
            return true;
    }
    return false;
}
