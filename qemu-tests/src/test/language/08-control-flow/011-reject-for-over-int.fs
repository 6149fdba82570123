// expect-error: 7:14: 'for ... in' needs an array, a string or a range, but this expression has type 'int'
module RejectForOverInt

[<EntryPoint>]
let main _ =
    let count = 3
    for i in count do
        printfn "%d" i
    0
