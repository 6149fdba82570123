/// The helpers LLVM calls on its own when a target lacks an instruction: memory copies, 64-bit
/// division, and on ARMv6-M (Cortex-M0) 32-bit division, 64-bit multiplication and shifts. Written
/// with 32-bit operations only where the helper itself would otherwise call back into itself.
module Fid.Builtins

open Fid.Intrinsics

// ------------------------------------------------------------------------------------------ memory

[<Export("memcpy")>]
let memcpy (dst: unativeint) (src: unativeint) (n: unativeint) : unativeint =
    let mutable i = 0un
    if (dst ||| src) &&& 3un = 0un then
        while i + 4un <= n do
            store32 (dst + i) (load32 (src + i))
            i <- i + 4un
    while i < n do
        store8 (dst + i) (load8 (src + i))
        i <- i + 1un
    dst

[<Export("memmove")>]
let memmove (dst: unativeint) (src: unativeint) (n: unativeint) : unativeint =
    if dst <= src || dst >= src + n then memcpy dst src n
    else
        let mutable i = n
        while i > 0un do
            i <- i - 1un
            store8 (dst + i) (load8 (src + i))
        dst

[<Export("memset")>]
let memset (dst: unativeint) (value: int) (n: unativeint) : unativeint =
    let b = byte value
    let mutable i = 0un
    if dst &&& 3un = 0un then
        let w = uint32 b * 0x01010101u
        while i + 4un <= n do
            store32 (dst + i) w
            i <- i + 4un
    while i < n do
        store8 (dst + i) b
        i <- i + 1un
    dst

[<Export("__aeabi_memcpy")>]
let aeabiMemcpy (dst: unativeint) (src: unativeint) (n: unativeint) = memcpy dst src n |> ignore
[<Export("__aeabi_memcpy4")>]
let aeabiMemcpy4 (dst: unativeint) (src: unativeint) (n: unativeint) = memcpy dst src n |> ignore
[<Export("__aeabi_memcpy8")>]
let aeabiMemcpy8 (dst: unativeint) (src: unativeint) (n: unativeint) = memcpy dst src n |> ignore
[<Export("__aeabi_memmove")>]
let aeabiMemmove (dst: unativeint) (src: unativeint) (n: unativeint) = memmove dst src n |> ignore
[<Export("__aeabi_memmove4")>]
let aeabiMemmove4 (dst: unativeint) (src: unativeint) (n: unativeint) = memmove dst src n |> ignore
[<Export("__aeabi_memmove8")>]
let aeabiMemmove8 (dst: unativeint) (src: unativeint) (n: unativeint) = memmove dst src n |> ignore
// note the argument order of the AEABI memset: destination, count, value
[<Export("__aeabi_memset")>]
let aeabiMemset (dst: unativeint) (n: unativeint) (value: int) = memset dst value n |> ignore
[<Export("__aeabi_memset4")>]
let aeabiMemset4 (dst: unativeint) (n: unativeint) (value: int) = memset dst value n |> ignore
[<Export("__aeabi_memset8")>]
let aeabiMemset8 (dst: unativeint) (n: unativeint) (value: int) = memset dst value n |> ignore
[<Export("__aeabi_memclr")>]
let aeabiMemclr (dst: unativeint) (n: unativeint) = memset dst 0 n |> ignore
[<Export("__aeabi_memclr4")>]
let aeabiMemclr4 (dst: unativeint) (n: unativeint) = memset dst 0 n |> ignore
[<Export("__aeabi_memclr8")>]
let aeabiMemclr8 (dst: unativeint) (n: unativeint) = memset dst 0 n |> ignore

// ------------------------------------------------------------------------------------------ 32-bit (ARMv6-M has no divide)

/// Unsigned 32-bit division by shift and subtract: quotient in the low word, remainder in the high.
let udivmod32 (n: uint32) (d: uint32) : uint64 =
    if d = 0u then 0UL
    else
        let mutable q = 0u
        let mutable r = 0u
        let mutable i = 31
        while i >= 0 do
            r <- (r <<< 1) ||| ((n >>> i) &&& 1u)
            if r >= d then
                r <- r - d
                q <- q ||| (1u <<< i)
            i <- i - 1
        (uint64 r <<< 32) ||| uint64 q

[<Export("__aeabi_uidiv")>]
let aeabiUidiv (n: uint32) (d: uint32) : uint32 = uint32 (udivmod32 n d)

[<Export("__aeabi_uidivmod")>]
let aeabiUidivmod (n: uint32) (d: uint32) : uint64 = udivmod32 n d

let private divmod32 (n: int) (d: int) : uint64 =
    let un = if n < 0 then 0u - uint32 n else uint32 n
    let ud = if d < 0 then 0u - uint32 d else uint32 d
    let qr = udivmod32 un ud
    let q = uint32 qr
    let r = uint32 (qr >>> 32)
    let sq = if (n < 0) <> (d < 0) then 0u - q else q
    let sr = if n < 0 then 0u - r else r
    (uint64 sr <<< 32) ||| uint64 sq

[<Export("__aeabi_idiv")>]
let aeabiIdiv (n: int) (d: int) : int = int (uint32 (divmod32 n d))

[<Export("__aeabi_idivmod")>]
let aeabiIdivmod (n: int) (d: int) : uint64 = divmod32 n d

[<Export("__udivsi3")>]
let udivsi3 (n: uint32) (d: uint32) : uint32 = uint32 (udivmod32 n d)
[<Export("__umodsi3")>]
let umodsi3 (n: uint32) (d: uint32) : uint32 = uint32 (udivmod32 n d >>> 32)
[<Export("__divsi3")>]
let divsi3 (n: int) (d: int) : int = int (uint32 (divmod32 n d))
[<Export("__modsi3")>]
let modsi3 (n: int) (d: int) : int = int (uint32 (divmod32 n d >>> 32))

// ------------------------------------------------------------------------------------------ 64-bit

let private hi (x: uint64) = uint32 (x >>> 32)
let private lo (x: uint64) = uint32 x
let private make (h: uint32) (l: uint32) = (uint64 h <<< 32) ||| uint64 l

/// 64-bit shifts from 32-bit ones (ARMv6-M calls these for variable shift counts).
[<Export("__aeabi_llsl")>]
let llsl (x: uint64) (n: int) : uint64 =
    let n = n &&& 63
    if n = 0 then x
    elif n >= 32 then make (lo x <<< (n - 32)) 0u
    else make ((hi x <<< n) ||| (lo x >>> (32 - n))) (lo x <<< n)

[<Export("__aeabi_llsr")>]
let llsr (x: uint64) (n: int) : uint64 =
    let n = n &&& 63
    if n = 0 then x
    elif n >= 32 then make 0u (hi x >>> (n - 32))
    else make (hi x >>> n) ((lo x >>> n) ||| (hi x <<< (32 - n)))

[<Export("__aeabi_lasr")>]
let lasr (x: uint64) (n: int) : uint64 =
    let n = n &&& 63
    let h = int (hi x)
    if n = 0 then x
    elif n >= 32 then make (uint32 (h >>> 31)) (uint32 (h >>> (n - 32)))
    else make (uint32 (h >>> n)) ((lo x >>> n) ||| (hi x <<< (32 - n)))

[<Export("__ashldi3")>]
let ashldi3 (x: uint64) (n: int) : uint64 = llsl x n
[<Export("__lshrdi3")>]
let lshrdi3 (x: uint64) (n: int) : uint64 = llsr x n
[<Export("__ashrdi3")>]
let ashrdi3 (x: uint64) (n: int) : uint64 = lasr x n

/// 32 x 32 -> 64 multiplication from 16-bit halves (no 64-bit multiply on ARMv6-M).
let private mul32x32 (a: uint32) (b: uint32) : uint64 =
    let a0 = a &&& 0xFFFFu
    let a1 = a >>> 16
    let b0 = b &&& 0xFFFFu
    let b1 = b >>> 16
    let p00 = a0 * b0
    let p01 = a0 * b1
    let p10 = a1 * b0
    let p11 = a1 * b1
    let mid = (p00 >>> 16) + (p01 &&& 0xFFFFu) + (p10 &&& 0xFFFFu)
    let low = (p00 &&& 0xFFFFu) ||| (mid <<< 16)
    let high = p11 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)
    make high low

[<Export("__aeabi_lmul")>]
let lmul (a: uint64) (b: uint64) : uint64 =
    let p = mul32x32 (lo a) (lo b)
    make (hi p + lo a * hi b + hi a * lo b) (lo p)

[<Export("__muldi3")>]
let muldi3 (a: uint64) (b: uint64) : uint64 = lmul a b

/// Unsigned 64-bit division by shift and subtract; the remainder is stored at rem unless it is 0.
[<Export("__fid_udivmod64")>]
let udivmod64 (n: uint64) (d: uint64) (rem: unativeint) : uint64 =
    let mutable q = 0UL
    let mutable r = 0UL
    if d <> 0UL then
        if hi n = 0u && hi d = 0u then
            let qr = udivmod32 (lo n) (lo d)
            q <- uint64 (lo qr)
            r <- uint64 (hi qr)
        else
            let mutable i = 63
            while i >= 0 do
                r <- llsl r 1 ||| (llsr n i &&& 1UL)
                if r >= d then
                    r <- r - d
                    q <- q ||| llsl 1UL i
                i <- i - 1
    if rem <> 0un then
        store32 rem (lo r)
        store32 (rem + 4un) (hi r)
    q

[<Export("__fid_divmod64")>]
let divmod64 (n: int64) (d: int64) (rem: unativeint) : int64 =
    let un = if n < 0L then 0UL - uint64 n else uint64 n
    let ud = if d < 0L then 0UL - uint64 d else uint64 d
    let q = udivmod64 un ud rem
    if rem <> 0un && n < 0L then
        let r = make (load32 (rem + 4un)) (load32 rem)
        let nr = 0UL - r
        store32 rem (lo nr)
        store32 (rem + 4un) (hi nr)
    if (n < 0L) <> (d < 0L) then int64 (0UL - q) else int64 q

[<Export("__udivdi3")>]
let udivdi3 (n: uint64) (d: uint64) : uint64 = udivmod64 n d 0un

[<Export("__divdi3")>]
let divdi3 (n: int64) (d: int64) : int64 = divmod64 n d 0un

[<Export("__umoddi3")>]
let umoddi3 (n: uint64) (d: uint64) : uint64 =
    let q = udivmod64 n d 0un
    n - lmul q d

[<Export("__moddi3")>]
let moddi3 (n: int64) (d: int64) : int64 =
    let q = divmod64 n d 0un
    n - int64 (lmul (uint64 q) (uint64 d))
