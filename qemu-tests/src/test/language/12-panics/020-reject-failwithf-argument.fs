// expect-error: 4:48: the type 'string' is not an integer type, which %d requires
module RejectFailwithfArgument

let fail (name: string) = failwithf "bad value %d" name

[<EntryPoint>]
let main _ =
    fail "x"
    0
