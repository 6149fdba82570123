// expect-exit: 101
// expect-output: 022-substring-out-of-range.out
module SubstringOutOfRange

[<EntryPoint>]
let main _ =
    let s = "sensor"
    printfn "%s" (s.Substring(2, 4))
    let n = s.Length
    printfn "%s" (s.Substring(3, n))
    0
