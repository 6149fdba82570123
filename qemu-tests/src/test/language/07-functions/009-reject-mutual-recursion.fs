// expect-error: 4:44: recursion depth is unbounded; stack cannot be proven (non-tail recursion between
module RejectMutualRecursion

let rec ping n = if n <= 0 then 0 else 1 + pong (n - 1)
and pong n = if n <= 0 then 0 else 1 + ping (n - 1)

[<EntryPoint>]
let main _ =
    printfn "%d" (ping 10)
    0
