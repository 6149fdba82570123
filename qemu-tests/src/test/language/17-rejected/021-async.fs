// expect-error: 4:12: asynchronous code needs a heap and a scheduler; use interrupt handlers and a main loop
module Async

let work = async { return 1 }

[<EntryPoint>]
let main _ =
    printfn "%d" 0
    0
