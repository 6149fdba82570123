// expect-exit: 0
// expect-output: 017-explicit-type-parameters.out
module ExplicitTypeParameters

let first<'T> (items: 'T[]) : 'T = items.[0]

let pairOf<'A, 'B> (a: 'A) (b: 'B) = (a, b)

[<EntryPoint>]
let main _ =
    printfn "%d %c" (first [| 4; 5 |]) (first [| 'q' |])
    let (n, s) = pairOf 1 "one"
    printfn "%d %s" n s
    0
