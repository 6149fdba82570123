// expect-exit: 0
// expect-output: 006-mutable-records.out
module MutableRecords

// a record with a mutable field has reference semantics, as in F#: assignment shares it
type Counter = { Name: string; mutable Count: int }

let bump (c: Counter) = c.Count <- c.Count + 1

let shared = { Name = "global"; Count = 0 }

[<EntryPoint>]
let main _ =
    let c = { Name = "local"; Count = 10 }
    let alias = c
    bump c
    bump alias
    printfn "%s %d %d" c.Name c.Count alias.Count
    bump shared
    printfn "%s %d" shared.Name shared.Count
    let copy = { c with Name = "copy" }
    bump copy
    printfn "%d %d" c.Count copy.Count
    // equality stays structural
    printfn "%b" (copy = { Name = "copy"; Count = 13 })
    0
