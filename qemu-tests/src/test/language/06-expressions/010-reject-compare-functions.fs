// expect-error: 10:23: the type 'int -> int' does not support equality because it contains a function
module RejectCompareFunctions

let inc x = x + 1

let dec x = x - 1

[<EntryPoint>]
let main _ =
    printfn "%b" (inc = dec)
    0
