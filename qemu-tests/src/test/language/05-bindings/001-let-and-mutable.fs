// expect-exit: 0
// expect-output: 001-let-and-mutable.out
module LetAndMutable

let limit = 10

let mutable counter = 0

let tick () = counter <- counter + 1

do tick ()

[<EntryPoint>]
let main _ =
    let x = 1
    let x = x + 1 // a local may shadow an earlier one
    let mutable y = x * 10
    y <- y + 5
    printfn "%d %d" x y
    for _ in 1 .. limit do
        tick ()
    printfn "%d" counter
    let _ = tick ()
    printfn "%d" counter
    let mutable total = 0L
    let mutable i = 0
    while i < 5 do
        total <- total + int64 i
        i <- i + 1
    printfn "%d %d" total i
    0
