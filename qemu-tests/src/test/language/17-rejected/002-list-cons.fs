// expect-error: 5:22: lists allocate on a heap; use a fixed-size array
// known-difference: '::' is a parse error ("unexpected '::' after this declaration"), not the message for lists
module ListCons

let prepend x xs = x :: xs

[<EntryPoint>]
let main _ =
    printfn "%d" 0
    0
