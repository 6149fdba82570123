// expect-error: 5:5: the entry point must have type 'string[] -> int' but here has type
module RejectEntryPointType

[<EntryPoint>]
let main () =
    printfn "wrong"
