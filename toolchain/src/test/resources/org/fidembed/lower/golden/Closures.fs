/// Golden test of lowering: a local function passed as a closure value (its environment on the
/// stack), a lambda expanded inline, partial application and a tail-recursive local function.
module Closures

let apply (f: int -> int) x = f x

let twice f x = f (f x)

[<EntryPoint>]
let main _ =
    let k = 3
    let add y = y + k
    let rec countdown n acc = if n = 0 then acc else countdown (n - 1) (acc + n)
    let addTo = twice add
    printfn "%d %d %d %d" (apply add 4) (twice (fun v -> v * 2) 5) (countdown 4 0) (addTo 1)
    0
