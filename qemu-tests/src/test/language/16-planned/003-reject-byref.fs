// expect-error: 4:15: 'byref' is not supported yet
module RejectByref

let reset (x: byref<int>) = x <- 0

[<EntryPoint>]
let main _ =
    printfn "%d" 0
    0
