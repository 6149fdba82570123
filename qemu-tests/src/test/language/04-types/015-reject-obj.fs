// expect-error: 4:15: boxing and casts need a heap and run-time types; use a union
module RejectObj

let anything: obj = 3

[<EntryPoint>]
let main _ =
    printfn "%d" 0
    0
