// expect-error: 6:13: sequences allocate on a heap; use a for loop or the Array module
module SeqModule

[<EntryPoint>]
let main _ =
    let n = Seq.length [| 1; 2; 3 |]
    printfn "%d" n
    0
