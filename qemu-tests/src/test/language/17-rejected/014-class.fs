// expect-error: 4:6: classes, interfaces and object expressions are heap objects; use records, unions and module functions
module Class

type Counter() =
    let mutable n = 0
    member _.Next() =
        n <- n + 1
        n

[<EntryPoint>]
let main _ =
    printfn "%d" 0
    0
