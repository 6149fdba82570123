// expect-exit: 0
// expect-output: 005-function-and-guards.out
module FunctionAndGuards

let classify =
    function
    | n when n < 0 -> "negative"
    | 0 -> "zero"
    | n when n % 2 = 0 -> "even"
    | _ -> "odd"

let fizz n =
    match n % 3, n % 5 with
    | 0, 0 -> printf "FizzBuzz "
    | 0, _ -> printf "Fizz "
    | _, 0 -> printf "Buzz "
    | _ -> printf "%d " n

let firstPositive (a: int[]) =
    let mutable found = None
    for x in a do
        match found with
        | None when x > 0 -> found <- Some x
        | _ -> ()
    found

[<EntryPoint>]
let main _ =
    printfn "%s %s %s %s" (classify -3) (classify 0) (classify 8) (classify 9)
    for i in 1 .. 15 do
        fizz i
    printfn ""
    match firstPositive [| -2; 0; 5; 7 |] with
    | Some v -> printfn "first positive %d" v
    | None -> printfn "none"
    let describe = function | Some 0 -> "zero" | Some _ -> "some" | None -> "none"
    printfn "%s %s %s" (describe (Some 0)) (describe (Some 1)) (describe None)
    0
