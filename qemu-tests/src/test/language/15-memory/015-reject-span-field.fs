// expect-error: 6:16: the field 'Data' of 'Frame' has the type 'Span<byte>': a byref or a span may live only on the stack
module RejectSpanField

open System

type Frame = { Data: Span<byte>; Length: int }

[<EntryPoint>]
let main _ =
    printfn "%d" 0
    0
