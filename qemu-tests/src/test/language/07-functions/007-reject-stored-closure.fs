// expect-error: 9:17: closure escapes the function that creates it: it refers to 'bonus'
// known-difference: accepted, and the closure reads a dead stack frame: the program prints 536871169 where F# prints 4
module RejectStoredClosure

let mutable handler: int -> int = fun x -> x

let install bonus =
    // a closure over a local must not be stored where it outlives its creator
    handler <- (fun x -> x + bonus)

[<EntryPoint>]
let main _ =
    install 3
    printfn "%d" (handler 1)
    0
