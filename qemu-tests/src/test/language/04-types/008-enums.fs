// expect-exit: 0
// expect-output: 008-enums.out
module Enums

type Mode =
    | Off = 0
    | Slow = 1
    | Fast = 2

[<System.Flags>]
type Access =
    | None = 0
    | Read = 1
    | Write = 2
    | Execute = 4

let describe m =
    match m with
    | Mode.Off -> "off"
    | Mode.Slow -> "slow"
    | Mode.Fast -> "fast"
    | _ -> "unknown"

[<EntryPoint>]
let main _ =
    printfn "%d %d" (int Mode.Fast) (int Mode.Off)
    printfn "%s %s %s" (describe Mode.Slow) (describe (enum<Mode> 2)) (describe (enum<Mode> 7))
    let rw = Access.Read ||| Access.Write
    printfn "%d %b %b" (int rw) (rw &&& Access.Write = Access.Write) (rw &&& Access.Execute = Access.Execute)
    printfn "%b %b" (Mode.Slow < Mode.Fast) (Mode.Off = enum<Mode> 0)
    0
