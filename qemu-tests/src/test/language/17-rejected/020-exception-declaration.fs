// expect-error: 4:1: exceptions are not supported; use Result
module ExceptionDeclaration

exception Overheated of int

[<EntryPoint>]
let main _ =
    printfn "%d" 0
    0
