// expect-exit: 0
// expect-output: 004-tail-recursion.out
module TailRecursion

// self tail calls are jumps: a million of them use no stack
let rec countDown n acc = if n = 0 then acc else countDown (n - 1) (acc + 1L)

let rec gcd a b = if b = 0 then a else gcd b (a % b)

let rec sumDigits n acc =
    match n with
    | 0 -> acc
    | _ -> sumDigits (n / 10) (acc + n % 10)

// tail calls between the functions of one let rec ... and ... group are jumps too
let rec isEven n = if n = 0 then true else isOdd (n - 1)
and isOdd n = if n = 0 then false else isEven (n - 1)

let rec collatz n steps =
    if n = 1L then steps
    elif n % 2L = 0L then collatz (n / 2L) (steps + 1)
    else collatz (3L * n + 1L) (steps + 1)

[<EntryPoint>]
let main _ =
    printfn "%d" (countDown 1000000 0L)
    printfn "%d %d" (gcd 1071 462) (sumDigits 987654321 0)
    printfn "%b %b" (isEven 100001) (isOdd 100001)
    printfn "%d" (collatz 27L 0)
    0
