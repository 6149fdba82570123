// expect-error: 2:1: '#indent "off"' is not supported by fid-embed; use light syntax
#indent "off"
module RejectIndentOff

[<EntryPoint>]
let main _ =
    0
