// expect-error: 6:5: closure escapes the function that creates it: it refers to 'k', which lives in the stack frame of 'makeCounter'
module RejectEscapingClosure

let makeCounter step =
    let k = step * 2
    fun x -> x + k

[<EntryPoint>]
let main _ =
    let c = makeCounter 2
    printfn "%d" (c 1)
    0
