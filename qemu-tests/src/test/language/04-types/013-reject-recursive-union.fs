// expect-error: 6:7: recursive union types need a heap; use an array of nodes indexed by int
module RejectRecursiveUnion

type Expr =
    | Num of int
    | Add of Expr * Expr

let rec eval e =
    match e with
    | Num n -> n
    | Add (a, b) -> eval a + eval b

[<EntryPoint>]
let main _ =
    printfn "%d" (eval (Add (Num 1, Num 2)))
    0
