// expect-exit: 0
// expect-output: 023-units-derived-and-generic.out
module UnitsDerivedAndGeneric

[<Measure>] type m
[<Measure>] type s
[<Measure>] type ms
[<Measure>] type Hz = 1/s

let g = 9.81<m/s^2>

let fallTime (h: float<m>) = sqrt (2.0 * h / g)

let speed (d: float<'u>) (t: float<s>) = d / t

let msPerS = 1000<ms/s>

let period (f: float<Hz>) = 1.0 / f

[<EntryPoint>]
let main _ =
    let t = fallTime 20.0<m>
    printfn "%.3f" (float t)
    let v: float<m/s> = speed 100.0<m> 9.58<s>
    printfn "%.2f" (float v)
    let delay = 250<ms>
    let total = delay + 3<s> * msPerS
    printfn "%d" (int total)
    printfn "%.2f" (float (period 50.0<Hz>))
    let area = 3.0<m> * 4.0<m>
    printfn "%.1f" (float area)
    0
