// expect-error: 5:21: dynamic allocation is not allowed in the Constrained memory profile: the length of this array is not a compile-time constant
module RejectDynamicLength

let makeBuffer (n: int) =
    let b: byte[] = Array.zeroCreate n
    b.[0] <- 1uy
    Array.sum b

[<EntryPoint>]
let main _ =
    printfn "%d" (makeBuffer 8)
    0
