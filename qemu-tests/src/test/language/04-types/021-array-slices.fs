// expect-exit: 0
// expect-output: 021-array-slices.out
module ArraySlices

let data = [| 1; 2; 3; 4; 5 |]

[<EntryPoint>]
let main _ =
    let middle = data.[1..3]
    let head = data.[..1]
    printfn "%d %d %d" middle.Length (Array.sum middle) (Array.sum head)
    0
