// expect-exit: 0
// expect-output: 016-active-patterns-in-bindings.out
module ActivePatternsInBindings

type Reading =
    | Temperature of float
    | Level of int

let (|Celsius|) (f: float) = (f - 32.0) / 1.8

let (|Even|Odd|) n = if n % 2 = 0 then Even else Odd

let (|Digit|Letter|Other|) (c: char) =
    if c >= '0' && c <= '9' then Digit(int c - int '0')
    elif (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') then Letter c
    else Other

// in a function's parameter and in a let
let toCelsius (Celsius c) = c

// nested in a union case and a tuple, and with & to test one value twice
let describe r =
    match r with
    | Temperature (Celsius c) when c > 30.0 -> printfn "hot %.1f" c
    | Temperature (Celsius c) -> printfn "mild %.1f" c
    | Level (Even & l) -> printfn "even level %d" l
    | Level l -> printfn "odd level %d" l

let score (a, b) =
    match a, b with
    | Digit x, Digit y -> x * 10 + y
    | Letter _, Digit y -> y
    | Digit x, (Letter _ | Other) -> -x
    | _ -> 0

[<EntryPoint>]
let main _ =
    let (Celsius boiling) = 212.0
    printfn "%.1f %.1f" boiling (toCelsius 50.0)
    describe (Temperature 95.0)
    describe (Temperature 68.0)
    describe (Level 4)
    describe (Level 5)
    printfn "%d %d %d %d" (score ('4', '2')) (score ('x', '7')) (score ('3', '#')) (score ('#', '#'))
    // an active pattern local to a function
    let (|Twice|) x = 2 * x
    let half (Twice t) = t + 1
    printfn "%d" (half 20)
    0
