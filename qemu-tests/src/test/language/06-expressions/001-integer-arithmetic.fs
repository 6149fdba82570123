// expect-exit: 0
// expect-output: 001-integer-arithmetic.out
module IntegerArithmetic

let show (a: int) (b: int) = printfn "%d %d -> %d %d" a b (a / b) (a % b)

[<EntryPoint>]
let main _ =
    // / truncates toward zero; % takes the sign of the dividend
    show 17 5
    show -17 5
    show 17 -5
    show -17 -5
    printfn "%d %d" (7u / 2u) (7u % 2u)
    printfn "%d %d" (-7L / 2L) (-7L % 2L)
    printfn "%d %d" (-7y / 2y) (-7s % 2s)
    // + - * wrap at the type's width
    printfn "%b" (System.Int32.MaxValue + 1 = System.Int32.MinValue)
    printfn "%d %d" (255uy + 1uy) (0uy - 1uy)
    printfn "%d" (100000 * 100000)
    printfn "%d" (3000000000L * 4000000000L)
    printfn "%d %d" (-(-5)) (- System.Int32.MinValue)
    printfn "%d" (2 + 3 * 4 - 10 / 3)
    0
