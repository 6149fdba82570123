// expect-error: 6:13: classes, interfaces and object expressions are heap objects; use records, unions and module functions
module ObjectExpression

[<EntryPoint>]
let main _ =
    let d = { new System.IDisposable with member _.Dispose () = () }
    printfn "%d" 0
    0
