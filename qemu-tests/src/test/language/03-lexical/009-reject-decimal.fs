// expect-error: 4:13: decimal and bigint are not supported; use an integer type or fixed point
module RejectDecimal

let price = 19.99m

[<EntryPoint>]
let main _ =
    printfn "%M" price
    0
