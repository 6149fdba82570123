// expect-exit: 0
// expect-output: 015-active-patterns-partial-parameterized.out
module ActivePatternsPartialParameterized

// a parameterized partial pattern: the arguments before the last are its parameters
let (|DivisibleBy|_|) d n = if n % d = 0 then Some(n / d) else None

// returning unit: the case takes no pattern of its own
let (|Multiple|_|) d n = if n % d = 0 then Some() else None

// a struct (voption) result: nothing is allocated either way
[<return: Struct>]
let (|Above|_|) limit n = if n > limit then ValueSome(n - limit) else ValueNone

let fizz n =
    match n with
    | Multiple 15 -> printf "FizzBuzz "
    | Multiple 3 -> printf "Fizz "
    | DivisibleBy 5 q -> printf "Buzz%d " q
    | _ -> printf "%d " n

let clamp limit n =
    match n with
    | Above limit excess -> printfn "%d is %d above %d" n excess limit
    | _ -> printfn "%d is within %d" n limit

// the parameter may be any value in scope, here one a closure captures
let counter limit =
    let mutable count = 0
    let check n =
        match n with
        | Above limit _ -> count <- count + 1
        | _ -> ()
    for n in [| 3; 9; 12; 20; 1 |] do check n
    count

[<EntryPoint>]
let main _ =
    for i in 1 .. 15 do fizz i
    printfn ""
    clamp 10 25
    clamp 10 7
    printfn "%d" (counter 8)
    0
