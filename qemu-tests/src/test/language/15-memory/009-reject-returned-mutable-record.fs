// expect-error: 9:5: this record escapes the function that allocates it (it lives in the stack frame of 'start'); allocate it at module level, make 'start' inline (the record is then built in its caller's frame), or make the record a [<Struct>] record
module Reject

type Limiter =
    { mutable Tokens: int
      Capacity: int }

let start capacity =
    { Tokens = capacity
      Capacity = capacity }

[<EntryPoint>]
let main _ =
    let l = start 3
    l.Tokens <- l.Tokens - 1
    printfn "%d of %d" l.Tokens l.Capacity
    0
