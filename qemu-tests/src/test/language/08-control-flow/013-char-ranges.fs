// expect-exit: 0
// expect-output: 013-char-ranges.out
module CharRanges

[<EntryPoint>]
let main _ =
    for c in 'A' .. 'F' do
        printf "%c" c
    printfn ""
    0
