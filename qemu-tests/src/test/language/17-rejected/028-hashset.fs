// expect-error: 6:16: growing collections need a heap; use a fixed-size array
module Hashset

[<EntryPoint>]
let main _ =
    let seen = System.Collections.Generic.HashSet<int> ()
    printfn "%d" seen.Count
    0
