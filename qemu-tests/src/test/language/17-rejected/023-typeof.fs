// expect-error: 6:13: %A formats by reflection; use a specific format such as %d
module Typeof

[<EntryPoint>]
let main _ =
    let t = typeof<int>
    printfn "%d" 0
    0
