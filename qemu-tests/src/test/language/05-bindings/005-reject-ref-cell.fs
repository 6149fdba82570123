// expect-error: 6:17: reference cells and lazy values are heap objects; use let mutable
module RejectRefCell

[<EntryPoint>]
let main _ =
    let count = ref 0
    count.Value <- count.Value + 1
    printfn "%d" count.Value
    0
