// expect-exit: 0
// expect-output: 027-byref.out
module Byref

let bump (x: byref<int>) = x <- x + 1

[<EntryPoint>]
let main _ =
    let mutable n = 10
    bump &n
    printfn "%d" n
    0
