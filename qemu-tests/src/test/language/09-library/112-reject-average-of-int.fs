// expect-error: 6:36: the type 'int' does not support 'DivideByInt'
module RejectAverageOfInt

[<EntryPoint>]
let main _ =
    printfn "%d" (Array.average [| 1; 2; 3 |])
    0
