// expect-exit: 0
// expect-output: 013-byte-strings.out
module ByteStrings

let command = "AT\r"B

[<EntryPoint>]
let main _ =
    printfn "%d %d" command.Length command.[0]
    0
