// expect-error: 8:19: the type 'int' does not support the operator 'get_Length'
module RejectUnsatisfiedMemberConstraint

let inline lengthOf (x: ^a) = (^a: (member Length: int) x)

[<EntryPoint>]
let main _ =
    printfn "%d" (lengthOf 42)
    0
