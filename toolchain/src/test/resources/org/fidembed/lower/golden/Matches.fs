/// Golden test of lowering: a union matched with a guard, an array of union values, records and
/// structural equality.
module Matches

type Shape =
    | Circle of int
    | Rect of int * int
    | Empty

type Point = { X: int; Y: int }

let area s =
    match s with
    | Circle r -> 3 * r * r
    | Rect (w, h) when w = h -> w * w
    | Rect (w, h) -> w * h
    | Empty -> 0

[<EntryPoint>]
let main _ =
    let shapes = [| Circle 2; Rect (3, 4); Rect (2, 2); Empty |]
    for s in shapes do
        printfn "%d" (area s)
    let p = { X = 1; Y = 2 }
    printfn "%b" (p = { X = 1; Y = 2 })
    0
