// expect-exit: 101
// expect-output: 004-assert.out
module Assert

let average (a: int[]) =
    assert (a.Length > 0)
    Array.sum a / a.Length

[<EntryPoint>]
let main _ =
    printfn "%d" (average [| 2; 4 |])
    printfn "%d" (average [||])
    0
