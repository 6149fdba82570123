// expect-error: 4:14: literal 300 is out of range for byte
module RejectLiteralRange

let tooBig = 300uy

[<EntryPoint>]
let main _ =
    printfn "%d" tooBig
    0
