// expect-error: 9:25: the unit of measure 's' does not match the unit of measure 'm'
module RejectUnitMismatch

[<Measure>]
type m
[<Measure>]
type s

let distance = 1.0<m> + 2.0<s>

[<EntryPoint>]
let main _ =
    printfn "%.1f" (float distance)
    0
