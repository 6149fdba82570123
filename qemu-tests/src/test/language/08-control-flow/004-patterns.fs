// expect-exit: 0
// expect-output: 004-patterns.out
module Patterns

[<Literal>]
let Answer = 42

type Vec = { X: int; Y: int }

type Msg =
    | Move of Vec
    | Say of text: string * loud: bool
    | Stop

let number n =
    match n with
    | 0 -> "zero"
    | 1 | 2 | 3 -> "few"
    | Answer -> "answer"
    | n when n < 0 -> "negative"
    | _ -> "many"

let text s =
    match s with
    | "" -> "empty"
    | "hi" | "hello" -> "greeting"
    | _ -> "words"

let msg m =
    match m with
    | Move { X = 0; Y = 0 } -> printf "stay"
    | Move { X = x } when x > 0 -> printf "right"
    | Move _ -> printf "left or vertical"
    | Say (loud = true; text = t) -> printf "SHOUT %s" t
    | Say (t, _) -> printf "say %s" t
    | Stop -> printf "stop"

let nested p =
    match p with
    | (0, (_, 'x')) -> "zero-x"
    | (a, (Some b, _)) as whole when a = b && fst whole > 0 -> "twin"
    | (_, (Some _, _)) -> "some"
    | _ -> "other"

let flag b =
    match b with
    | true -> 1
    | false -> 0

[<EntryPoint>]
let main _ =
    for n in [| 0; 2; 42; -1; 7 |] do
        printf "%s " (number n)
    printfn ""
    printfn "%s %s %s" (text "") (text "hello") (text "hey")
    let ms = [| Move { X = 0; Y = 0 }; Move { X = 3; Y = 1 }; Move { X = -1; Y = 0 }; Say ("hi", true); Say ("ok", false); Stop |]
    for m in ms do
        msg m
        printf ", "
    printfn ""
    printfn "%d %d" (flag true) (flag false)
    printfn "%s %s %s %s" (nested (0, (None, 'x'))) (nested (4, (Some 4, 'y'))) (nested (1, (Some 2, 'z'))) (nested (1, (None, 'z')))
    let c = 'q'
    match c with
    | 'a' | 'e' | 'i' | 'o' | 'u' -> printfn "vowel"
    | c when c >= 'a' && c <= 'z' -> printfn "consonant %c" c
    | _ -> printfn "other"
    0
