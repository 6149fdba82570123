// expect-exit: 0
// expect-output: 009-named-single-field.out
// known-difference: a union case with one named field cannot be built by name ('Circle (radius = 1)'): "the value or constructor 'radius' is not defined"
module NamedSingleField

type Shape =
    | Circle of radius: int
    | Square of side: int

let area s =
    match s with
    | Circle (radius = r) -> 3 * r * r
    | Square (side = a) -> a * a

[<EntryPoint>]
let main _ =
    printfn "%d %d" (area (Circle (radius = 2))) (area (Square (side = 3)))
    0
