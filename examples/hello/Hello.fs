/// Prints a greeting on the board's UART; the board's name is a compile-time constant of its profile.
module Hello

[<EntryPoint>]
let main _ =
    printfn "Hello from fid-embed on %s!" Fid.Board.Name
    0
