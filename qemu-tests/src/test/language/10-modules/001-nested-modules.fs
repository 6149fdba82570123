// expect-exit: 0
// expect-output: 001-nested-modules.out
module NestedModules

module Geometry =
    type Point = { X: int; Y: int }

    let origin = { X = 0; Y = 0 }

    module Metric =
        let manhattan a b = abs (a.X - b.X) + abs (a.Y - b.Y)

    let private secret = 7

    let lucky () = secret * 6

[<AutoOpen>]
module Helpers =
    let twice x = 2 * x

[<RequireQualifiedAccess>]
module Units =
    let kilo = 1000

module G = Geometry

open Geometry.Metric

[<EntryPoint>]
let main _ =
    let p = { Geometry.X = 3; Geometry.Y = -4 }
    printfn "%d" (manhattan Geometry.origin p)
    printfn "%d" (G.Metric.manhattan p G.origin)
    printfn "%d %d" (twice 21) (Helpers.twice 1)
    printfn "%d %d" Units.kilo (G.lucky ())
    0
