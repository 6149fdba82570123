// expect-exit: 0
// expect-output: 003-arrays-as-parameters.out
module ArraysAsParameters

// a frame array may be passed down (not returned): the callee works in the caller's memory
let fillWith (a: int[]) v =
    for i in 0 .. a.Length - 1 do
        a.[i] <- v + i

let total (a: int[]) = Array.sum a

let process () =
    let scratch = Array.zeroCreate 5
    fillWith scratch 10
    total scratch

// a module-level mutable of array type may hold module-level arrays
let first = [| 1; 2 |]

let second = [| 3; 4; 5 |]

let mutable current = first

[<EntryPoint>]
let main _ =
    printfn "%d" (process ())
    printfn "%d" (total current)
    current <- second
    printfn "%d" (total current)
    0
