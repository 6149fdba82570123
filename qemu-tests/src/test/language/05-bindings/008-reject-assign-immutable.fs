// expect-error: 7:5: this value is not mutable
module RejectAssignImmutable

[<EntryPoint>]
let main _ =
    let total = 0
    total <- 5
    printfn "%d" total
    0
