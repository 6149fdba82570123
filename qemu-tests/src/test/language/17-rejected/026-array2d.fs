// expect-error: 7:16: array slices and comprehensions allocate; use Array.init or indices
// known-difference: Array2D is "the value or constructor 'Array2D' is not defined", not the message for multidimensional arrays
module Array2d

[<EntryPoint>]
let main _ =
    let grid = Array2D.zeroCreate<int> 2 2
    printfn "%d" grid.[0, 0]
    0
