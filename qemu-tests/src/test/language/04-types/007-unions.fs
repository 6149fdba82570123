// expect-exit: 0
// expect-output: 007-unions.out
module Unions

type Shape =
    | Circle of radius: int
    | Rect of width: int * height: int
    | Dot

[<RequireQualifiedAccess>]
type Light =
    | Red
    | Yellow
    | Green

[<Struct>]
type Reading =
    | Missing
    | Value of int

type Tree<'T> =
    | Leaf of 'T
    | Pair of 'T * 'T

let area shape =
    match shape with
    | Circle r -> 3 * r * r
    | Rect (w, h) -> w * h
    | Dot -> 0

let next light =
    match light with
    | Light.Red -> Light.Green
    | Light.Green -> Light.Yellow
    | Light.Yellow -> Light.Red

let name light =
    match light with
    | Light.Red -> "red"
    | Light.Yellow -> "yellow"
    | Light.Green -> "green"

let sum t =
    match t with
    | Leaf x -> x
    | Pair (a, b) -> a + b

[<EntryPoint>]
let main _ =
    let shapes = [| Circle 2; Rect (3, 4); Dot; Rect (width = 5, height = 6); Circle 1 |]
    for s in shapes do
        printf "%d " (area s)
    printfn ""
    printfn "%s %s" (name (next Light.Red)) (name (next (next Light.Red)))
    let r = Value 5
    match r with
    | Value v -> printfn "value %d" v
    | Missing -> printfn "missing"
    printfn "%d %d" (sum (Leaf 7)) (sum (Pair (2, 3)))
    // cases compare in declaration order, then by their fields
    printfn "%b %b %b" (Dot = Dot) (Circle 1 < Rect (0, 0)) (Rect (1, 9) < Rect (2, 0))
    printfn "%b %b" (Circle 3 = Circle 3) (Missing < Value -100)
    0
