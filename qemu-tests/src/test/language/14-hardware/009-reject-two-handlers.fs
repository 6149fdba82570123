// expect-error: 11:3: two handlers for the interrupt vector
module RejectTwoHandlers

open Fid.Hardware

let mutable count = 0

[<Interrupt("Tick")>]
let first () = count <- count + 1

[<Interrupt("Tick")>]
let second () = count <- count + 2

[<EntryPoint>]
let main _ =
    0
