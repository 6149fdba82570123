// expect-error: 8:20: a program has exactly one [<EntryPoint>]; another one is at
module RejectTwoEntryPoints

[<EntryPoint>]
let first _ =
    0

[<EntryPoint>] let main _ = 0
