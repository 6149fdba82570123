// expect-exit: 0
// expect-output: 011-string-slices.out
// known-difference: string slices are "slices of strings are not supported yet"; StartsWith is not available
module StringSlices

[<EntryPoint>]
let main _ =
    let s = "hello"
    printfn "%s %b" s.[1..3] (s.StartsWith "he")
    0
