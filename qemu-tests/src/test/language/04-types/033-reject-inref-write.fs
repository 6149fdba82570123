// expect-error: 5:5: the byref pointer is readonly, so this write is not permitted
module RejectInrefWrite

let clear (x: inref<int>) =
    x <- 0

[<EntryPoint>]
let main _ =
    let n = 5
    clear &n
    printfn "%d" n
    0
