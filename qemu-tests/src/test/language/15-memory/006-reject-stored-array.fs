// expect-error: 9:16: 'local' escapes the function that allocates it (it lives in the stack frame of 'install')
// known-difference: accepted: main then reads the dead frame through current and prints 769 where F# prints 1
module RejectStoredArray

let mutable current: int[] = [| 0 |]

let install () =
    let local = [| 1; 2; 3 |]
    current <- local

[<EntryPoint>]
let main _ =
    install ()
    printfn "%d" current.[0]
    0
