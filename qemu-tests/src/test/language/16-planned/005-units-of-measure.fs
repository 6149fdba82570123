// expect-exit: 0
// expect-output: 005-units-of-measure.out
// known-difference: units of measure are a parse error: "expected '=' but found 'let'" after [<Measure>] type ms
module UnitsOfMeasure

[<Measure>]
type ms

let delay (t: int<ms>) = t * 5

[<EntryPoint>]
let main _ =
    let d = delay 250<ms>
    printfn "%d" (int d)
    0
