// expect-error: 10:19: recursion depth is unbounded; stack cannot be proven
module RejectMutableBound

let rec depth (n: int) = if n <= 0 then 0 else 1 + depth (n - 1)

[<EntryPoint>]
let main _ =
    let mutable start = 5
    start <- start + 1
    printfn "%d" (depth start)
    0
