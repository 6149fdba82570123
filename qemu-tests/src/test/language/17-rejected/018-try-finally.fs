// expect-error: 6:5: exceptions are not supported; use Result
module TryFinally

[<EntryPoint>]
let main _ =
    try
        printfn "body"
    finally
        printfn "cleanup"
    0
