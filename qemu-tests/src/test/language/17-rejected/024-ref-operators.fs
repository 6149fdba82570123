// expect-error: 6:16: reference cells and lazy values are heap objects; use let mutable
module RefOperators

[<EntryPoint>]
let main _ =
    let cell = ref 1
    cell := !cell + 1
    printfn "%d" cell.Value
    0
