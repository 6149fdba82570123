// expect-error: 9:5: an interrupt handler must have type 'unit -> unit' but here has type 'int -> unit'
module RejectHandlerType

open Fid.Hardware

let mutable count = 0

[<Interrupt("Tick")>]
let onTick (n: int) = count <- count + n

[<EntryPoint>]
let main _ =
    0
