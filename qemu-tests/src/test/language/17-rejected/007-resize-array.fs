// expect-error: 7:17: growing collections need a heap; use a fixed-size array
// known-difference: ResizeArray<int> () is "'ResizeArray' is a module, not a value", not the message for growing collections
module ResizeArray

[<EntryPoint>]
let main _ =
    let items = ResizeArray<int> ()
    items.Add 1
    printfn "%d" items.Count
    0
