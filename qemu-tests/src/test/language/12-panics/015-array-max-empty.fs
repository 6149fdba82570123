// expect-exit: 101
// expect-output: 015-array-max-empty.out
module ArrayMaxEmpty

let highest (a: int[]) = Array.max a

[<EntryPoint>]
let main _ =
    printfn "%d" (highest [| 3; 9; 4 |])
    let none: int[] = [||]
    printfn "%d" (highest none)
    0
