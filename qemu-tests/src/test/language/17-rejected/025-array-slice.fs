// expect-error: 8:23: array slices and comprehensions allocate; use Array.init or indices
module ArraySlice

let data = [| 1; 2; 3; 4 |]

[<EntryPoint>]
let main _ =
    let middle = data.[1..2]
    printfn "%d" middle.Length
    0
