// expect-exit: 0
// expect-output: 028-string-slices.out
module StringSlices

[<EntryPoint>]
let main _ =
    let s = "hello"
    printfn "%s %b" s.[1..3] (s.StartsWith "he")
    0
