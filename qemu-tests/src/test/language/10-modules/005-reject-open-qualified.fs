// expect-error: 8:1: the module 'Units' requires qualified access and cannot be opened
module RejectOpenQualified

[<RequireQualifiedAccess>]
module Units =
    let kilo = 1000

open Units

[<EntryPoint>]
let main _ =
    printfn "%d" kilo
    0
