// expect-error: 4:13: reference cells and lazy values are heap objects; use let mutable
module RejectLazy

let table = lazy (Array.init 8 (fun i -> i * i))

[<EntryPoint>]
let main _ =
    printfn "%d" table.Value.[3]
    0
