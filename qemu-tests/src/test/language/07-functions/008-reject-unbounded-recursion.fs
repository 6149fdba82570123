// expect-error: 4:64: recursion depth is unbounded; stack cannot be proven
module RejectUnboundedRecursion

let rec length (a: int[]) i = if i >= a.Length then 0 else 1 + length a (i + 1)

[<EntryPoint>]
let main _ =
    printfn "%d" (length [| 1; 2; 3 |] 0)
    0
