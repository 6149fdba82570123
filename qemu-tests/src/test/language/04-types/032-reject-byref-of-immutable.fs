// expect-error: 9:12: this value is not mutable, so its address is an inref and cannot be passed as a byref
module RejectByrefOfImmutable

let reset (x: byref<int>) = x <- 0

[<EntryPoint>]
let main _ =
    let n = 5
    reset &n
    printfn "%d" n
    0
