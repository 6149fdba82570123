// expect-exit: 0
// expect-output: 013-byref.out
// known-difference: byref is "'byref' is not supported yet", &n is "the operator '&' is not defined"
module Byref

let bump (x: byref<int>) = x <- x + 1

[<EntryPoint>]
let main _ =
    let mutable n = 10
    bump &n
    printfn "%d" n
    0
