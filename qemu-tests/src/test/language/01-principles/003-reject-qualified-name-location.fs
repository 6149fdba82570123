// expect-error: 7:13: sequences allocate on a heap; use a for loop or the Array module
module RejectQualifiedNameLocation

// a diagnostic points at the first part of a qualified name
[<EntryPoint>]
let main _ =
    let s = Seq.sum [| 1; 2 |]
    printfn "%d" s
    0
