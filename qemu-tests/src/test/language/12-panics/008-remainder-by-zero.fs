// expect-exit: 101
// expect-output: 008-remainder-by-zero.out
module RemainderByZero

let wrap (i: uint32) (n: uint32) = i % n

[<EntryPoint>]
let main _ =
    printfn "%d" (wrap 7u 4u)
    printfn "%d" (wrap 7u 0u)
    0
