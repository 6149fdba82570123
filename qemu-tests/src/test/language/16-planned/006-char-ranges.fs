// expect-exit: 0
// expect-output: 006-char-ranges.out
// known-difference: a char range in a for loop is "the type 'char' does not support the operator '..'"
module CharRanges

[<EntryPoint>]
let main _ =
    for c in 'A' .. 'F' do
        printf "%c" c
    printfn ""
    0
