// expect-exit: 101
// expect-output: 006-string-index.out
module StringIndex

let name = "fid"

[<EntryPoint>]
let main _ =
    for i in 0 .. 3 do
        printfn "%c" name.[i]
    0
