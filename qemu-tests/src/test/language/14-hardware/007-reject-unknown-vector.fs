// expect-error: 6:3: has no interrupt vector 'Tock'
module RejectUnknownVector

open Fid.Hardware

[<Interrupt("Tock")>]
let onTock () = ()

[<EntryPoint>]
let main _ =
    0
