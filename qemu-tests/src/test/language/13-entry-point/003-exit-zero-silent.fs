// expect-exit: 0
// expect-output: 003-exit-zero-silent.out
module ExitZeroSilent

let mutable state = 3

[<EntryPoint>]
let main _ =
    state <- state * 2
    if state = 6 then 0 else 1
