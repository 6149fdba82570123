// expect-error: 6:13: 'Option.toArray' is not available in fid-embed
module RejectUnknownModuleFunction

[<EntryPoint>]
let main _ =
    let a = Option.toArray (Some 1)
    printfn "%d" a.Length
    0
