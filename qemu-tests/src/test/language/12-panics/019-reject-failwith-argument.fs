// expect-error: 5:32: this expression was expected to have type 'string' but here has type 'int'
module RejectFailwithArgument

let check code =
    if code <> 0 then failwith code
    code

[<EntryPoint>]
let main _ =
    printfn "%d" (check 0)
    0
