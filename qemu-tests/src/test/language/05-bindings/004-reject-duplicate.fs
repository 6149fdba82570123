// expect-error: 6:5: duplicate definition of value 'rate'
module RejectDuplicate

let rate = 100

let rate = 200

[<EntryPoint>]
let main _ =
    printfn "%d" rate
    0
