// expect-error: 6:15: boxing and casts need a heap and run-time types; use a union
module RejectUpcast

[<EntryPoint>]
let main _ =
    let o = 3 :> obj
    printfn "%d" 0
    0
