// expect-error: 7:7: boxing and casts need a heap and run-time types; use a union
// known-difference: the type-test pattern ':? int' is a parse error ("expected a pattern but found ':?'")
module TypeTest

let isInt (o: obj) =
    match o with
    | :? int -> true
    | _ -> false

[<EntryPoint>]
let main _ =
    printfn "%d" 0
    0
