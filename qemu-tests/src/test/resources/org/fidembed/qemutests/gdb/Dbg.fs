// The program the scripted gdb sessions of GdbSessionTest debug (line numbers matter: the test breaks at them).
module Dbg

type Shape =
    | Circle of radius: int
    | Rect of w: int * h: int

[<Struct>]
type Point = { X: int; Y: int }

let mutable calls = 0

let area (s: Shape) =
    calls <- calls + 1
    match s with
    | Circle r -> 3 * r * r
    | Rect (w, h) -> w * h

let total (shapes: Shape[]) (origin: Point) =
    let mutable sum = origin.X
    for i in 0 .. shapes.Length - 1 do
        let a = area shapes.[i]
        sum <- sum + a
    sum

let pick (shapes: Shape[]) (k: int) = area shapes.[k]

[<EntryPoint>]
let main argv =
    let shapes = [| Circle 2; Rect (3, 4); Circle 1 |]
    let origin = { X = 5; Y = 7 }
    let t = total shapes origin
    printfn "total %d" t
    printfn "picked %d" (pick shapes (argv.Length + 5))
    0
