// expect-error: 9:16: dynamic allocation is not allowed in the Constrained memory profile: the length of this array is not a compile-time constant
module RejectSubLengthNotConstant

let frame = [| 1uy; 2uy; 3uy; 4uy |]

[<EntryPoint>]
let main _ =
    let mutable count = 2
    let part = Array.sub frame 1 count
    printfn "%d" part.Length
    0
