// expect-error: 6:5: exceptions are not supported; use Result
module RejectUse

[<EntryPoint>]
let main _ =
    use guard = { new System.IDisposable with member _.Dispose () = () }
    printfn "inside"
    0
