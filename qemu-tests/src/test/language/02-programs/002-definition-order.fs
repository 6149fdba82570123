// expect-exit: 0
// expect-output: 002-definition-order.out
module DefinitionOrder

// a name is visible after its definition, except inside 'let rec ... and' and 'type ... and' groups
type Expr =
    | Lit of int
    | Neg of Wrapper

and Wrapper = { Inner: int; Scale: int }

let rec ping n acc = if n <= 0 then acc else pong (n - 1) (acc + 1)
and pong n acc = if n <= 0 then acc else ping (n - 1) (acc + 10)

let eval e =
    match e with
    | Lit n -> n
    | Neg w -> -(w.Inner * w.Scale)

[<EntryPoint>]
let main _ =
    printfn "%d %d" (eval (Lit 4)) (eval (Neg { Inner = 3; Scale = 2 }))
    printfn "%d" (ping 5 0)
    0
