// expect-exit: 0
// expect-output: 007-open-system.out
// known-difference: open System is "the namespace or module 'System' is not defined"
module OpenSystem

open System

[<EntryPoint>]
let main _ =
    printfn "%d %d" Int32.MaxValue (Math.Abs -3)
    0
