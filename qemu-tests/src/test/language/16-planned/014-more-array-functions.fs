// expect-exit: 0
// expect-output: 014-more-array-functions.out
// known-difference: Array.rev, Array.sort and friends are not available yet
module MoreArrayFunctions

[<EntryPoint>]
let main _ =
    let r = Array.rev [| 1; 2; 3 |]
    let s = Array.sort [| 3; 1; 2 |]
    printfn "%d %d" r.[0] s.[0]
    0
