// expect-error: 9:25: the value, constructor, namespace or type 'scale' is not defined in
module RejectUnknownMember

module Maths =
    let square x = x * x

[<EntryPoint>]
let main _ =
    printfn "%d" (Maths.scale 3)
    0
