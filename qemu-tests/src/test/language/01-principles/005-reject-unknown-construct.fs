// expect-error: 4:1: '#load' is not supported by fid-embed
module RejectUnknownConstruct

#load "Other.fsx"

[<EntryPoint>]
let main _ =
    0
