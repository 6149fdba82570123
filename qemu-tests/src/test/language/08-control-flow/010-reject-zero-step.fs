// expect-error: 6:5: the step of a range cannot be zero
module RejectZeroStep

[<EntryPoint>]
let main _ =
    for i in 0 .. 0 .. 10 do
        printfn "%d" i
    0
