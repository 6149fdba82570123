// expect-error: 9:5: 'row' escapes the function that allocates it (it lives in the stack frame of 'makeRow')
// known-difference: accepted when the array is made with an explicit type argument (Array.zeroCreate<int> 4): main then reads the dead frame and prints 0 where F# prints 2
module RejectReturnedArray

let makeRow () =
    let row = Array.zeroCreate<int> 4
    for i in 0 .. 3 do
        row.[i] <- i
    row

[<EntryPoint>]
let main _ =
    printfn "%d" (makeRow ()).[2]
    0
