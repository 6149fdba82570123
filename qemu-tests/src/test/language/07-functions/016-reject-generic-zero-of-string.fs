// expect-error: 12:19: the type 'string' does not support the operator 'get_Zero'
module RejectGenericZeroOfString

let inline sumOf (xs: ^T[]) =
    let mutable acc = LanguagePrimitives.GenericZero< ^T>
    for x in xs do
        acc <- acc + x
    acc

[<EntryPoint>]
let main _ =
    printfn "%s" (sumOf [| "a"; "b" |])
    0
