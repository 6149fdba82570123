// expect-error: 6:5: members on records and unions are not supported yet
module RejectMembers

type Vec =
    { X: int; Y: int }
    member v.Length2 = v.X * v.X + v.Y * v.Y

[<EntryPoint>]
let main _ =
    printfn "%d" { X = 3; Y = 4 }.Length2
    0
