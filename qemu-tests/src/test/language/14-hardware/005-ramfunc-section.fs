// expect-exit: 0
// expect-output: 005-ramfunc-section.out
module RamfuncSection

open Fid.Hardware

// copied to RAM at start-up and run from there
[<Section(".ramfunc")>]
let fastSum (a: int[]) =
    let mutable s = 0
    for x in a do
        s <- s + x
    s

[<EntryPoint>]
let main _ =
    printfn "%d" (fastSum [| 1; 2; 3; 4 |])
    0
