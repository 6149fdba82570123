// expect-error: 6:5: escapes the function that allocates it (it lives in the stack frame of 'ranked')
module RejectSortedEscapes

let ranked (scores: int[]) =
    let top = Array.truncate 3 scores
    Array.sortDescending top

[<EntryPoint>]
let main _ =
    let r = ranked [| 5; 9; 1; 7 |]
    printfn "%d" r.[0]
    0
