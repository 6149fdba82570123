// expect-exit: 0
// expect-output: 007-open-system.out
module OpenSystem

open System

[<EntryPoint>]
let main _ =
    printfn "%d %d" Int32.MaxValue (Math.Abs -3)
    0
