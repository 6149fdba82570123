// expect-exit: 0
// expect-output: 009-local-do.out
// known-difference: 'do e' inside a function body is a parse error ("unexpected 'do': this line is indented more than the declaration before it ends")
module LocalDo

let mutable count = 0

let bump () = count <- count + 1

[<EntryPoint>]
let main _ =
    do bump ()
    do bump ()
    printfn "%d" count
    0
