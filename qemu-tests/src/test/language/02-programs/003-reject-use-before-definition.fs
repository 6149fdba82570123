// expect-error: 4:16: the value or constructor 'later' is not defined
module RejectUseBeforeDefinition

let early () = later + 1

let later = 41

[<EntryPoint>]
let main _ =
    printfn "%d" (early ())
    0
