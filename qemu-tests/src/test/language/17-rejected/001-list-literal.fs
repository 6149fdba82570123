// expect-error: 6:20: lists allocate on a heap; use a fixed-size array
module ListLiteral

[<EntryPoint>]
let main _ =
    let readings = [ 3; 1; 4 ]
    printfn "%d" readings.Length
    0
