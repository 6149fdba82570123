// expect-error: 4:14: asynchronous code needs a heap and a scheduler; use interrupt handlers and a main loop
module Task

let job () = task { return 2 }

[<EntryPoint>]
let main _ =
    printfn "%d" 0
    0
