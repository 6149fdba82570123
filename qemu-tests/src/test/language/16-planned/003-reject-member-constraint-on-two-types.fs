// expect-error: 5:5: member constraints on several types, (^T or ^U : ...), are not supported yet
module RejectMemberConstraintOnTwoTypes

let inline add (x: ^T) (y: ^U) : ^T =
    ((^T or ^U): (static member Add: ^T * ^U -> ^T) (x, y))

[<EntryPoint>]
let main _ =
    printfn "%d" 0
    0
