// expect-error: 8:16: lookup on object of indeterminate type
module RejectMemberOnIndeterminateType

type Reading =
    { Raw: int }
    member r.Scaled = r.Raw * 4

let scaled r = r.Scaled

[<EntryPoint>]
let main _ =
    printfn "%d" (scaled { Raw = 1 })
    0
