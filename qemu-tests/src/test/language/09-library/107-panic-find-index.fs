// expect-exit: 101
// expect-output: 107-panic-find-index.out
module PanicFindIndex

let codes = [| 3; 5; 7 |]

[<EntryPoint>]
let main _ =
    printfn "%d" (Array.findIndex (fun c -> c = 5) codes)
    printfn "%d" (Array.findIndex (fun c -> c = 4) codes)
    0
