// expect-error: 4:6: classes, interfaces and object expressions are heap objects; use records, unions and module functions
module Interface

type IShape =
    abstract Area: unit -> int

[<EntryPoint>]
let main _ =
    printfn "%d" 0
    0
