// expect-exit: 0
// expect-output: 002-initialization-order.out
module InitializationOrder

// module-level values are initialised before main, in declaration order
let first =
    printfn "init first"
    1

let second =
    printfn "init second (first = %d)" first
    first + 1

let table = Array.init 4 (fun i -> i * second)

let constant = 6 * 7

[<EntryPoint>]
let main _ =
    printfn "main: %d %d %d %d" first second table.[3] constant
    0
