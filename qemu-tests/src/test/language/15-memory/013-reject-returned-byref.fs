// expect-error: 6:5: this byref points into the stack frame of 'counter' (at 'count')
module RejectReturnedByref

let counter () =
    let mutable count = 0
    &count

[<EntryPoint>]
let main _ =
    let c = counter ()
    printfn "%d" c
    0
