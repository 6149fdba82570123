// expect-error: 6:1: '#if' is not supported by fid-embed
module RejectIfDirective

let debug = false

#if DEBUG
let level = 2
#endif

[<EntryPoint>]
let main _ =
    printfn "%b" debug
    0
