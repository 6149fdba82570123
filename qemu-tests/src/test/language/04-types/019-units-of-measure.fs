// expect-exit: 0
// expect-output: 019-units-of-measure.out
module UnitsOfMeasure

[<Measure>]
type ms

let delay (t: int<ms>) = t * 5

[<EntryPoint>]
let main _ =
    let d = delay 250<ms>
    printfn "%d" (int d)
    0
