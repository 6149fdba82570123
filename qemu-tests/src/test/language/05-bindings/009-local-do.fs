// expect-exit: 0
// expect-output: 009-local-do.out
module LocalDo

let mutable count = 0

let bump () = count <- count + 1

[<EntryPoint>]
let main _ =
    do bump ()
    do bump ()
    printfn "%d" count
    0
