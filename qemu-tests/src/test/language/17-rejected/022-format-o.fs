// expect-error: 6:14: formats by reflection; use a specific format such as %d
module FormatO

[<EntryPoint>]
let main _ =
    printfn "%O" 3
    0
