// expect-exit: 0
// expect-output: 001-same-meaning.out
module SameMeaning

// an ordinary F# program: what it prints here is what it prints under .NET
type State =
    | Idle
    | Counting of int
    | Done of total: int

let step state (input: int) =
    match state, input with
    | Idle, n when n > 0 -> Counting n
    | Counting acc, 0 -> Done acc
    | Counting acc, n -> Counting (acc + n)
    | s, _ -> s

let checksum (data: byte[]) =
    let mutable a = 1u
    let mutable b = 0u
    for x in data do
        a <- (a + uint32 x) % 65521u
        b <- (b + a) % 65521u
    (b <<< 16) ||| a

[<EntryPoint>]
let main _ =
    let mutable s = Idle
    for i in [| 0; 3; 4; 5; 0; 9 |] do
        s <- step s i
    match s with
    | Done t -> printfn "done %d" t
    | _ -> printfn "not done"
    printfn "%08x" (checksum [| 87uy; 105uy; 107uy; 105uy; 112uy; 101uy; 100uy; 105uy; 97uy |])
    0
