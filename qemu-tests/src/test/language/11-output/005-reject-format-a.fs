// expect-error: 8:17: %A formats by reflection; use a specific format such as %d
module RejectFormatA

type P = { X: int }

[<EntryPoint>]
let main _ =
    printfn "%d %A" 1 { X = 2 }
    0
