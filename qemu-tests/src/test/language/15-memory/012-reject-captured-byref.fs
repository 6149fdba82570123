// expect-error: 6:22: 'x' has the type 'byref<int>', which may live only on the stack, and cannot be captured by a closure
module RejectCapturedByref

let addAll (x: byref<int>) (values: int[]) =
    for v in values do
        let add () = x <- x + v
        add ()

[<EntryPoint>]
let main _ =
    let mutable total = 0
    addAll &total [| 1; 2; 3 |]
    printfn "%d" total
    0
