/// Golden test of lowering: integer division with its checks, a counted loop, printf of integers.
module Arith

let divide (a: int) (b: int) = a / b

let sumTo n =
    let mutable total = 0
    for i in 1 .. n do
        total <- total + i
    total

[<EntryPoint>]
let main _ =
    printfn "%d %d" (divide 17 5) (sumTo 10)
    0
