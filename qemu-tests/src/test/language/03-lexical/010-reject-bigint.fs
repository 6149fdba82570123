// expect-error: 6:18: decimal and bigint are not supported; use an integer type or fixed point
module RejectBigint

[<EntryPoint>]
let main _ =
    let factor = 10I
    printfn "%A" factor
    0
