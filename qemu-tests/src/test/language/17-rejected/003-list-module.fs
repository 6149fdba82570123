// expect-error: 6:17: lists allocate on a heap; use a fixed-size array
module ListModule

[<EntryPoint>]
let main _ =
    let total = List.sum [| 1; 2 |]
    printfn "%d" total
    0
