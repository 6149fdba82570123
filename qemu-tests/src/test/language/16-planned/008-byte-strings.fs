// expect-exit: 0
// expect-output: 008-byte-strings.out
// known-difference: byte-string literals ("AT"B) are rejected: "byte strings are not supported by fid-embed"
module ByteStrings

let command = "AT\r"B

[<EntryPoint>]
let main _ =
    printfn "%d %d" command.Length command.[0]
    0
