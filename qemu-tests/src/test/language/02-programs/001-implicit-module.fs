// expect-exit: 0
// expect-output: 001-implicit-module.out

// a file without 'module' or 'namespace' is a module named after the file, as in F#
let greeting = "implicit"

[<EntryPoint>]
let main _ =
    printfn "%s %d" greeting greeting.Length
    0
