// expect-error: 4:29: exceptions are not supported; use Result
module Raise

let check n = if n < 0 then raise (System.ArgumentException "negative") else n

[<EntryPoint>]
let main _ =
    printfn "%d" (check 1)
    0
