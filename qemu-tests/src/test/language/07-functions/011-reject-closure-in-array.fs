// expect-error: 8:19: closure escapes the function that creates it: it refers to 'k'
// known-difference: accepted: a closure over a parameter stored in a module-level array outlives its frame
module RejectClosureInArray

let table: (int -> int)[] = Array.create 2 id

let fill k =
    table.[0] <- (fun x -> x * k)

[<EntryPoint>]
let main _ =
    fill 7
    printfn "%d" (table.[0] 2)
    0
